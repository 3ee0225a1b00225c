/**
 * Bind groups of kernels' buffers, made once and reused. `createBindGroup` is the most
 * expensive call of a small dispatch (tens of µs in Dawn, several times setPipeline +
 * setBindGroup + dispatch), and a training loop binds the same few buffers over and over:
 * slabs (slab-pool.ts), bound whole, and pooled buffers.
 *
 * The cache is a chain of WeakMaps keyed by the GPUBuffers bound, one chain per layout: a
 * destroyed buffer is never bound again, and once the pool drops it its entries go with it.
 * Combinations can still pile up while buffers live, so the whole cache is dropped after
 * `CAPACITY` misses.
 */

const CAPACITY = 4096;

type Level = WeakMap<GPUBuffer, Level | GPUBindGroup>;

export class BindGroupCache {
  private roots = new Map<GPUBindGroupLayout, Level>();
  private misses = 0;

  constructor(private readonly device: GPUDevice) {}

  /** The bind group of `layout` binding `buffers` (bindings 0..n-1), each whole. */
  get(layout: GPUBindGroupLayout, buffers: readonly GPUBuffer[]): GPUBindGroup {
    let level = this.roots.get(layout);
    if (level === undefined) this.roots.set(layout, (level = new WeakMap()));
    const last = buffers.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(buffers[i]!) as Level | undefined;
      if (next === undefined) level.set(buffers[i]!, (next = new WeakMap()));
      level = next;
    }
    let group = level.get(buffers[last]!) as GPUBindGroup | undefined;
    if (group === undefined) {
      group = this.device.createBindGroup({ layout, entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })) });
      level.set(buffers[last]!, group);
      if (++this.misses >= CAPACITY) {
        this.roots = new Map();
        this.misses = 0;
      }
    }
    return group;
  }
}
