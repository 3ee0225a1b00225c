/**
 * Compute pipelines cached by shader key. A key names everything that changes the WGSL text
 * (op, dtypes, variant); shapes, strides and offsets travel as per-dispatch metadata, so one
 * pipeline serves every shape and compiling (slow, especially on software GPUs) happens once.
 */
import { LayoutCache } from "./bind-layout.js";

export interface Kernel {
  readonly pipeline: GPUComputePipeline;
  /** Group 0's layout, which the kernel's buffers are bound with (shared by kernels of one signature). */
  readonly layout: GPUBindGroupLayout;
  /** Workgroup size along x, for computing dispatch sizes. */
  readonly workgroup: number;
}

export class PipelineCache {
  private readonly kernels = new Map<string, Kernel>();
  readonly layouts: LayoutCache;

  constructor(private readonly device: GPUDevice) {
    this.layouts = new LayoutCache(device);
  }

  /** The kernel for `key`, compiling `source()` the first time. */
  get(key: string, source: () => string, workgroup: number): Kernel {
    let k = this.kernels.get(key);
    if (k === undefined) {
      const code = source();
      const layouts = this.layouts.of(code);
      const module = this.device.createShaderModule({ code, label: key });
      const pipeline = this.device.createComputePipeline({ layout: layouts.pipeline, compute: { module, entryPoint: "main" }, label: key });
      k = { pipeline, layout: layouts.buffers, workgroup };
      this.kernels.set(key, k);
    }
    return k;
  }

  get size(): number {
    return this.kernels.size;
  }
}
