/**
 * Compute pipelines cached by shader key. A key names everything that changes the WGSL text
 * (op, dtypes, variant); shapes, strides and offsets travel as per-dispatch metadata, so one
 * pipeline serves every shape and compiling (slow, especially on software GPUs) happens once.
 */

export interface Kernel {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
  /** Workgroup size along x, for computing dispatch sizes. */
  readonly workgroup: number;
}

export class PipelineCache {
  private readonly kernels = new Map<string, Kernel>();

  constructor(private readonly device: GPUDevice) {}

  /** The kernel for `key`, compiling `source()` the first time. */
  get(key: string, source: () => string, workgroup: number): Kernel {
    let k = this.kernels.get(key);
    if (k === undefined) {
      const code = source();
      const module = this.device.createShaderModule({ code, label: key });
      const pipeline = this.device.createComputePipeline({ layout: "auto", compute: { module, entryPoint: "main" }, label: key });
      k = { pipeline, layout: pipeline.getBindGroupLayout(0), workgroup };
      this.kernels.set(key, k);
    }
    return k;
  }

  get size(): number {
    return this.kernels.size;
  }
}
