import { registerBackend } from "@flambeau/tensor/internal";
import { CpuBackend } from "./cpu-backend.js";

export { CpuBackend } from "./cpu-backend.js";
export { setCpuKernels, cpuKernels, simdMemoryBytes, type CpuKernels } from "./wasm/settings.js";
export { get_num_threads, set_num_threads } from "./wasm/num-threads.js";

/** The CPU backend instance; importing this package registers it as device "cpu". */
export const cpu = new CpuBackend();
registerBackend(cpu, 0);
