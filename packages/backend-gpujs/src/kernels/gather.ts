/**
 * torch.gather and torch.scatter_add. Both are written gather-style (each output element
 * computes its own value; a kernel cannot scatter), so scatter_add loops over the index
 * entries of its line and adds those that point at it: deterministic, with no atomics.
 *
 * An index out of range cannot raise inside a kernel: the backend refuses it before the
 * kernel runs (data-checks.ts), so the kernels' guards only keep reads inside the texture.
 */
import type { DType, Shape } from "@flambeau/tensor";
import { numel, type View } from "@flambeau/tensor/internal";
import { GLBuffer } from "../buffer.js";
import { collapse, divmod, kernelSource, walkArgs, walkCode, walkParams } from "../codegen.js";
import { launch } from "../kernel-cache.js";
import { readCastCode, storeCode } from "../values.js";
import { full } from "./fill.js";
import { data } from "./map.js";

/** A view's strides with 0 along `dim`: walking the index shape then lands on the start of each line. */
function lineStrides(strides: Shape, dim: number): number[] {
  const s = strides.slice();
  if (s.length > 0) s[dim] = 0;
  return s;
}

/** `out[i][j] = x[i][index[i][j]]` along `dim`; the output has `index.shape`. */
export function gather(x: View, dim: number, index: View, outDtype: DType): GLBuffer {
  const n = numel(index.shape);
  if (n === 0) return new GLBuffer(null, 0);
  const scalar = x.shape.length === 0;
  const extent = scalar ? 1 : x.shape[dim]!;
  const along = scalar ? 0 : x.strides[dim]!;
  const walk = collapse(index.shape, [index.strides, lineStrides(x.strides, dim)], [index.offset, x.offset]);
  const rank = walk.dims.length;
  const key = `gather:${x.dtype}>${outDtype}:r${rank}`;
  const source = () =>
    kernelSource(
      ["I", "X", ...walkParams(rank, 2), "extent", "along"],
      [
        walkCode(rank, 2, "this.thread.x"),
        "let at = I[p0];",
        "let r = 0;",
        "if (at >= 0 && at < extent) { r = X[p1 + at * along]; }",
        readCastCode("r", x.dtype, outDtype),
        storeCode("r", outDtype),
        "return r;",
      ].join("\n"),
    );
  return new GLBuffer(launch(key, source, n, [data(index), data(x), ...walkArgs(walk), extent, along]), n);
}

/** Zeros of `shape`, then `out[i][index[i][j]] += src[i][j]` along `dim`. */
export function scatterAdd(shape: Shape, dim: number, index: View, src: View, outDtype: DType): GLBuffer {
  const n = numel(shape);
  if (n === 0) return new GLBuffer(null, 0);
  const rank = shape.length;
  const lines = rank === 0 ? numel(index.shape) : index.shape[dim]!;
  if (numel(index.shape) === 0 || lines === 0) return full(n, 0, outDtype);
  // Output coordinates, innermost first; each is checked against the index's extent (src may
  // be larger than index in every dim: only the part index covers is added).
  const key = `scatter_add:${src.dtype}>${outDtype}:r${rank}:d${dim}`;
  const source = () => {
    const params = ["I", "S"];
    for (let d = 0; d < rank; d++) params.push(`od${d}`, `id${d}`, `is${d}`, `ss${d}`);
    params.push("io", "so");
    const body: string[] = ["let t = this.thread.x;", "let pi = io;", "let ps = so;", "let inside = 1;", "let c = 0;"];
    for (let d = rank - 1; d >= 0; d--) {
      if (d > 0) body.push(...divmod("t", `od${d}`, `q${d}`, `c${d}`), `t = q${d};`);
      else body.push("let c0 = t;");
      if (d === dim) body.push(`c = c${d};`);
      else body.push(`if (c${d} >= id${d}) { inside = 0; }`, `pi = pi + c${d} * is${d};`, `ps = ps + c${d} * ss${d};`);
    }
    const step = rank === 0 ? ["0", "0"] : [`is${dim}`, `ss${dim}`];
    body.push(
      "let r = 0;",
      `if (inside > 0) { for (let j = 0; j < lines; j++) { if (I[pi + j * ${step[0]}] == c) { let v = S[ps + j * ${step[1]}]; r = r + v; } } }`,
      storeCode("r", outDtype),
      "return r;",
    );
    params.push("lines");
    return kernelSource(params, body.join("\n"));
  };
  const args: number[] = [];
  for (let d = 0; d < rank; d++) args.push(shape[d]!, index.shape[d]!, index.strides[d]!, src.strides[d]!);
  args.push(index.offset, src.offset, lines);
  return new GLBuffer(launch(key, source, n, [data(index), data(src), ...args]), n);
}
