import { registerBackend } from "@flambeau/tensor";
import { CpuBackend } from "./cpu-backend.js";

export { CpuBackend } from "./cpu-backend.js";

/** The CPU backend instance; importing this package registers it as device "cpu". */
export const cpu = new CpuBackend();
registerBackend(cpu, 0);
