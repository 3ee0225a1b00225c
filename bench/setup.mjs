// What each Flambeau CPU row ran on: the kernels (WebAssembly SIMD or plain JavaScript) and the
// thread count, read when the row is measured.
import * as torch from "flambeau";
import { cpuKernels } from "@flambeau/backend-cpu";

/** E.g. "wasm SIMD, 2 thr". */
export function flambeauCpuSetup(threads = torch.get_num_threads()) {
  return `${cpuKernels() === "simd" ? "wasm SIMD" : "plain JS"}, ${threads} thr`;
}
