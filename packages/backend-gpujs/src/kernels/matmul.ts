/**
 * Batched matrix product: one thread per output element, a dot product over k. The output
 * index splits into (batch, i, j); batch dims (broadcast with zero strides) are collapsed and
 * walked like any view, and both operands are read through their own strides, so transposed
 * weights (`x.matmul(w.t())`) are never copied.
 */
import { numel, type DType, type View } from "@flambeau/tensor";
import { GLBuffer } from "../buffer.js";
import { collapse, divmod, kernelSource, walkArgs, walkCode, walkParams } from "../codegen.js";
import { launch } from "../kernel-cache.js";
import { storeCode } from "../values.js";
import { data } from "./map.js";

/** `a` `[...batch, m, k]` times `b` `[...batch, k, n]`; `full` makes the zeros of an empty k. */
export function matmul(a: View, b: View, outDtype: DType, full: (n: number, v: number, d: DType) => GLBuffer): GLBuffer {
  const nd = a.shape.length;
  const m = a.shape[nd - 2]!;
  const k = a.shape[nd - 1]!;
  const n = b.shape[nd - 1]!;
  const batchShape = a.shape.slice(0, nd - 2);
  const size = numel(batchShape) * m * n;
  if (size === 0) return new GLBuffer(null, 0);
  if (k === 0) return full(size, 0, outDtype);
  const walk = collapse(batchShape, [a.strides.slice(0, nd - 2), b.strides.slice(0, nd - 2)], [a.offset, b.offset]);
  const rank = walk.dims.length;
  const key = `matmul:${a.dtype},${b.dtype}>${outDtype}:r${rank}`;
  const source = () => {
    const params = ["A", "B", ...walkParams(rank, 2), "m", "n", "k", "sam", "sak", "sbk", "sbn"];
    const lines = [
      ...divmod("this.thread.x", "n", "row", "j"),
      ...divmod("row", "m", "batch", "i"),
      walkCode(rank, 2, "batch"),
      "let pa = p0 + i * sam;",
      "let pb = p1 + j * sbn;",
      "let acc = 0;",
      "for (let p = 0; p < k; p++) { acc = acc + A[pa + p * sak] * B[pb + p * sbk]; }",
      storeCode("acc", outDtype),
      "return acc;",
    ];
    return kernelSource(params, lines.join("\n"));
  };
  const args = [data(a), data(b), ...walkArgs(walk), m, n, k, a.strides[nd - 2]!, a.strides[nd - 1]!, b.strides[nd - 2]!, b.strides[nd - 1]!];
  return new GLBuffer(launch(key, source, size, args), size);
}
