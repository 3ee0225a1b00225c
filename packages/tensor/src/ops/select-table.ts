/**
 * `index_select` along one dimension by a table of positions known when the table is built
 * (the windows of convolution and pooling, `fold`), whose gradient is another such selection —
 * by the table's transpose — and a sum: a gather on every backend, never a `scatter_add`.
 *
 * Why not `index_select`: its gradient is `scatter_add`, and a GPU without float atomics (WebGL,
 * WebGPU's core) computes that by scanning every index entry for each output element. For the
 * second convolution of lesson 6 (a 56,448-entry table into 16 x 25,088 positions) that is 22
 * billion comparisons a step. Here each input position reads its own few entries (at most the
 * kernel's size for a convolution): the same work as the forward gather. The table's host copy
 * gives its transpose in JavaScript once, and each device gets the table uploaded once, kept
 * outside every memory scope.
 */
import type { Device } from "../device.js";
import { record } from "../graph.js";
import { keep } from "../scope.js";
import { contiguousStrides, normalizeDim, numel } from "../shape.js";
import type { Tensor } from "../tensor.js";
import type { View } from "../backend.js";
import { full, tensor } from "./creation.js";
import { wrap } from "./make.js";

/**
 * Positions to select along one dimension of `extent` positions: entry `j` is a position in
 * `[0, extent)`, or `extent` itself for the pad value (convolution's zero padding).
 */
export class IndexTable {
  /** Whether some entry reads the pad value. */
  readonly padded: boolean;
  private readonly uploaded = new Map<string, Tensor>();
  private transposedTable: IndexTable | null = null;

  /**
   * @param index - the entries, kept as the host copy the transpose is built from
   * @param extent - how many positions the selection reads from (`extent` itself: the pad value)
   *
   * @example
   * ```ts
   * const windows = new IndexTable(Int32Array.from([0, 1, 1, 2, 3]), 3); // 3 pads
   * select_table(x, 1, windows); // x: [N, 3] -> [N, 5], the last column 0
   * ```
   */
  constructor(
    readonly index: Int32Array,
    readonly extent: number,
  ) {
    let padded = false;
    for (let j = 0; j < index.length; j++) {
      const v = index[j]!;
      if (v === extent) padded = true;
      else if (!(v >= 0 && v < extent)) throw new RangeError(`IndexTable: entry ${j} is ${v}, outside [0, ${extent}]`);
    }
    this.padded = padded;
  }

  /** Entries in the table: the selection's length along its dimension. */
  get length(): number {
    return this.index.length;
  }

  /** The table as an int32 tensor on `device`, uploaded the first time and kept (never freed by a scope). */
  on(device: Device): Tensor {
    const key = device.toString();
    let t = this.uploaded.get(key);
    if (t === undefined || t._storage.disposed) {
      t = keep(tensor(this.index, { dtype: "int32", device }));
      this.uploaded.set(key, t);
    }
    return t;
  }

  /**
   * The transpose, over this table's `length` entries: for each position `e` of `extent`, the
   * `fanIn` entries that name it (entry `e * fanIn + r`), in order, then pads (`length`).
   * Selecting by it and summing each position's `fanIn` values is this selection's gradient.
   */
  transposed(): { table: IndexTable; fanIn: number } {
    if (this.transposedTable === null) {
      const counts = new Int32Array(this.extent);
      for (const v of this.index) if (v < this.extent) counts[v]!++;
      let fanIn = 0;
      for (const c of counts) if (c > fanIn) fanIn = c;
      const entries = new Int32Array(this.extent * fanIn).fill(this.length);
      counts.fill(0);
      for (let j = 0; j < this.index.length; j++) {
        const v = this.index[j]!;
        if (v < this.extent) entries[v * fanIn + counts[v]!++] = j;
      }
      this.transposedTable = new IndexTable(entries, this.length);
    }
    return { table: this.transposedTable, fanIn: this.extent === 0 ? 0 : this.transposedTable.length / this.extent };
  }
}

/**
 * `x.index_select(dim, table)` with `table`'s pad entries reading `padValue`: the shape of `x`
 * with `dim` of `table.length`. Differentiable in `x` (the gradient selects by the transposed
 * table, see the top of this file).
 */
export function select_table(x: Tensor, dim: number, table: IndexTable, padValue = 0): Tensor {
  const d = normalizeDim(dim, x.ndim, "select_table");
  if (x.shape[d] !== table.extent)
    throw new Error(`select_table(): the table selects from ${table.extent} positions, but dimension ${d} of the input has ${x.shape[d]}`);
  const backend = x._storage.backend;
  const outShape = x.shape.slice();
  outShape[d] = table.length;
  let source: View = x;
  let temp = null;
  if (table.padded) {
    // The input with one more position along `dim` holding the pad value.
    const shape = x.shape.slice();
    shape[d] = table.extent + 1;
    temp = backend.full(numel(shape), padValue, x.dtype);
    const strides = contiguousStrides(shape);
    backend.assign({ buffer: temp, dtype: x.dtype, shape: x.shape, strides, offset: 0 }, x);
    source = { buffer: temp, dtype: x.dtype, shape, strides, offset: 0 };
  }
  const idx = table.on(x.device);
  // The 1-D table broadcast over the other dimensions (stride 0), as gather reads it.
  const strides = outShape.map((_, i) => (i === d ? 1 : 0));
  const index: View = { buffer: idx.buffer, dtype: "int32", shape: outShape, strides, offset: 0 };
  const out = wrap(backend, backend.gather(source, d, index, x.dtype), x.dtype, outShape);
  if (temp !== null) backend.free(temp);
  return x.requires_grad ? record("select_table", [x], out, null, { dim: d, table }) : out;
}

/**
 * The gradient of {@link select_table} for an input of `shape`: each position's entries of `g`
 * picked by the transposed table, then summed.
 */
export function select_table_backward(g: Tensor, dim: number, table: IndexTable, shape: readonly number[]): Tensor {
  const { table: t, fanIn } = table.transposed();
  if (fanIn === 0) return full(shape, 0, { dtype: g.dtype, device: g.device });
  const picked = select_table(g, dim, t, 0);
  if (fanIn === 1) return picked;
  return picked.reshape([...shape.slice(0, dim), table.extent, fanIn, ...shape.slice(dim + 1)]).sum(dim + 1);
}
