/**
 * Pipeline layouts, read off each kernel's WGSL. They are explicit rather than `"auto"` so that
 * kernels whose bindings have the same types share one group-0 layout, and so bind groups too
 * (`add` and `mul` on the same buffers bind the same group, bind-groups.ts), and so that every
 * kernel shares the metadata's group 1.
 *
 * No binding takes a dynamic offset: on lavapipe (Mesa's Vulkan on the CPU, what Node uses
 * without a GPU) a bind group with one costs ~20 µs per dispatch to apply, against almost
 * nothing for a static one. Blocks of slabs are therefore addressed through the metadata
 * (wgsl.ts), and each metadata slot has a bind group of its own (encoder.ts).
 */

/** `@group(0) @binding(i) var<storage, access>` as the kernels declare their buffers. */
const BINDING = /@group\(0\)\s*@binding\((\d+)\)\s*var<storage,\s*(read|read_write)>/g;

export interface Layouts {
  /** Group 0: the kernel's buffers. */
  readonly buffers: GPUBindGroupLayout;
  readonly pipeline: GPUPipelineLayout;
}

export class LayoutCache {
  private readonly bySignature = new Map<string, Layouts>();
  /** Group 1: one read-only storage binding, the metadata slot. */
  readonly meta: GPUBindGroupLayout;

  constructor(private readonly device: GPUDevice) {
    this.meta = device.createBindGroupLayout({
      label: "metadata",
      entries: [{ binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: "read-only-storage" } }],
    });
  }

  /** The layouts of the kernel whose WGSL is `code`. */
  of(code: string): Layouts {
    const found = [...code.matchAll(BINDING)].map((m) => ({ binding: Number(m[1]), write: m[2] === "read_write" }));
    found.sort((a, b) => a.binding - b.binding);
    if (found.some((b, i) => b.binding !== i)) throw new Error(`webgpu: a kernel's group-0 bindings must be 0..n-1 (found ${found.map((b) => b.binding).join(", ")})`);
    const signature = found.map((b) => (b.write ? "w" : "r")).join("");
    let layouts = this.bySignature.get(signature);
    if (layouts === undefined) {
      const buffers = this.device.createBindGroupLayout({
        label: signature,
        entries: found.map((b, binding) => ({
          binding,
          visibility: GPUShaderStage.COMPUTE,
          buffer: { type: b.write ? "storage" : "read-only-storage" },
        })),
      });
      const pipeline = this.device.createPipelineLayout({ bindGroupLayouts: [buffers, this.meta], label: signature });
      layouts = { buffers, pipeline };
      this.bySignature.set(signature, layouts);
    }
    return layouts;
  }
}
