/**
 * copy (a contiguous, cast copy of a view) and assign (an in-place write into a strided
 * window). A texture cannot be written in place, so assign renders the destination buffer
 * anew: each element finds whether it lies in the window, and where (by dividing its offset
 * by the window's strides, largest first), and takes the source's value there or keeps its
 * own. The buffer object keeps its identity, so every tensor sharing it sees the write.
 */
import type { DType } from "@flambeau/tensor";
import { isContiguous, numel, type View } from "@flambeau/tensor/internal";
import { GLBuffer, hostValues, share } from "../buffer.js";
import { collapse, divmod, kernelSource } from "../codegen.js";
import { launch, type KernelArg } from "../kernel-cache.js";
import { castValue, readCastCode, storeCode } from "../values.js";
import { full, upload } from "./fill.js";
import { data, knownValue, map } from "./map.js";

/** A contiguous copy of `x` cast to `outDtype`. */
export function copy(x: View, outDtype: DType): GLBuffer {
  const k = knownValue(x);
  if (k !== undefined) return full(numel(x.shape), castValue(k, outDtype), outDtype);
  return map("copy", "r = x;", ["x"], [{ view: x, readAs: x.dtype }], x.shape, outDtype);
}

/**
 * The window's dims, largest stride first, when every element of the buffer lies in it at
 * most once and greedy division by the strides finds where (each stride exceeds the span of
 * the dims inside it); null otherwise (overlapping or negative strides).
 */
function decodable(dst: View): number[] | null {
  const dims = dst.shape.map((_, d) => d).filter((d) => dst.shape[d] !== 1);
  if (dims.some((d) => dst.strides[d]! <= 0)) return null;
  dims.sort((a, b) => dst.strides[b]! - dst.strides[a]!);
  let span = 0; // the largest offset reachable inside the dims seen so far
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i]!;
    if (dst.strides[d]! <= span) return null;
    span += (dst.shape[d]! - 1) * dst.strides[d]!;
  }
  return dims;
}

/** Write `src` (same shape as `dst`, cast to `dst.dtype`) into the window `dst`, in place. */
export function assign(dst: View, src: View): void {
  if (numel(dst.shape) === 0) return;
  const target = dst.buffer as GLBuffer;
  if (dst.offset === 0 && numel(dst.shape) === target.size && isContiguous(dst.shape, dst.strides)) {
    const from = src.buffer as GLBuffer;
    if (src.dtype === dst.dtype && src.offset === 0 && from.size === target.size && from.data !== null && isContiguous(src.shape, src.strides)) {
      // The whole of another buffer (an optimizer's `p.sub_(update)`): share its texture.
      // No texture is written while a tensor holds it, so sharing is as good as copying.
      target.replace(share(from.data));
      target.value = from.value;
      return;
    }
    // The whole buffer: a cast copy replaces it.
    const fresh = copy(src, dst.dtype);
    target.replace(fresh.data);
    target.value = fresh.value;
    return;
  }
  const dims = decodable(dst);
  if (dims === null) return assignOnHost(dst, src);
  const walk = collapse(
    dims.map((d) => dst.shape[d]!),
    [dims.map((d) => dst.strides[d]!), dims.map((d) => src.strides[d]!)],
    [dst.offset, src.offset],
  );
  const rank = walk.dims.length;
  const k = knownValue(src);
  const key = `assign:${k === undefined ? "t" : "u"}${src.dtype}>${dst.dtype}:r${rank}`;
  const source = () => {
    const params = ["D", "S", "off", "so"];
    const lines = ["let e = this.thread.x;", "let rem = e - off;", "let inside = 1;", "if (rem < 0) { inside = 0; rem = 0; }", "let ps = so;"];
    for (let i = 0; i < rank; i++) {
      params.push(`n${i}`, `ds${i}`, `ss${i}`);
      lines.push(...divmod("rem", `ds${i}`, `q${i}`, `c${i}`), `if (q${i} >= n${i}) { inside = 0; }`, `ps = ps + q${i} * ss${i};`, `rem = c${i};`);
    }
    lines.push(
      "if (rem != 0) { inside = 0; }",
      "let r = D[e];",
      `if (inside > 0) { let v = ${k === undefined ? "S[ps]" : "S"}; ${readCastCode("v", src.dtype, dst.dtype)} r = v; }`,
      storeCode("r", dst.dtype),
      "return r;",
    );
    return kernelSource(params, lines.join("\n"));
  };
  const args: KernelArg[] = [data(dst), k === undefined ? data(src) : castValue(k, src.dtype), dst.offset, src.offset];
  for (let i = 0; i < rank; i++) args.push(walk.dims[i]!, walk.strides[0]![i]!, walk.strides[1]![i]!);
  target.replace(launch(key, source, target.size, args));
}

/** The rare window that overlaps itself (e.g. an expanded tensor): through the host, in order. */
function assignOnHost(dst: View, src: View): void {
  const target = dst.buffer as GLBuffer;
  const D = hostValues(data(dst), target.size).slice();
  const n = numel(dst.shape);
  const cast = copy(src, dst.dtype);
  const S = hostValues(cast.data!, n);
  cast.free();
  const shape = dst.shape;
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let o = dst.offset;
    for (let d = 0; d < shape.length; d++) o += idx[d]! * dst.strides[d]!;
    D[o] = S[i]!;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  const fresh = upload(D, "float32");
  target.replace(fresh.data);
}
