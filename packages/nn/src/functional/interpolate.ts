/**
 * `F.interpolate` one spatial axis at a time: nearest modes pick source rows/columns with
 * `index_select`; linear modes blend the two neighbours of each source coordinate, with the
 * weights and neighbours computed here in float32 exactly as PyTorch's kernels compute them.
 */
import { tensor, type Tensor } from "@flambeau/tensor";

/** `F.interpolate`'s modes. */
export type InterpolateMode = "nearest" | "nearest-exact" | "linear" | "bilinear";

/** Options of `F.interpolate`, PyTorch's keyword arguments. */
export interface InterpolateOptions {
  size?: number | readonly number[] | null;
  scale_factor?: number | readonly number[] | null;
  mode?: InterpolateMode;
  align_corners?: boolean | null;
  recompute_scale_factor?: boolean | null;
  antialias?: boolean;
}

const f32 = Math.fround;

/** Source coordinate scale of one axis (PyTorch's `area_pixel_compute_scale`). */
function axisScale(inSize: number, outSize: number, alignCorners: boolean, scale: number | null): number {
  if (alignCorners) return outSize > 1 ? f32((inSize - 1) / (outSize - 1)) : 0;
  return scale !== null && scale > 0 ? f32(1 / scale) : f32(inSize / outSize);
}

/** Resample axis `dim` of `x` from `inSize` to `outSize`. */
function resampleAxis(x: Tensor, dim: number, outSize: number, mode: InterpolateMode, alignCorners: boolean, scale: number | null): Tensor {
  const inSize = x.shape[dim]!;
  const s = axisScale(inSize, outSize, alignCorners, scale);
  const opts = { device: x.device };
  if (mode === "nearest" || mode === "nearest-exact") {
    const offset = mode === "nearest" ? 0 : 0.5;
    const idx = Int32Array.from({ length: outSize }, (_, i) => Math.min(Math.floor(f32(f32(i + offset) * s)), inSize - 1));
    return x.index_select(dim, tensor(idx, { ...opts, dtype: "int32" }));
  }
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const w = new Float32Array(outSize);
  for (let i = 0; i < outSize; i++) {
    const src = alignCorners ? f32(s * i) : Math.max(f32(f32(s * f32(i + 0.5)) - 0.5), 0);
    const i0 = Math.floor(src);
    lo[i] = Math.min(i0, inSize - 1);
    hi[i] = Math.min(i0 + 1, inSize - 1);
    w[i] = f32(src - i0);
  }
  const shape = x.shape.map((_, i) => (i === dim ? outSize : 1));
  const lambda = tensor(w, { ...opts, dtype: x.dtype }).reshape(shape);
  const a = x.index_select(dim, tensor(lo, { ...opts, dtype: "int32" }));
  const b = x.index_select(dim, tensor(hi, { ...opts, dtype: "int32" }));
  return a.mul(lambda.neg().add(1)).add(b.mul(lambda));
}

/**
 * `F.interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor)`:
 * resize the spatial dimensions of a `(N, C, L)` or `(N, C, H, W)` input to `size`, or by
 * `scale_factor`, with `"nearest"` (the default), `"nearest-exact"`, `"linear"` (3-D) or
 * `"bilinear"` (4-D) sampling.
 *
 * @example
 * ```ts
 * F.interpolate(torch.randn([1, 3, 8, 8]), { scale_factor: 2, mode: "bilinear" }).shape; // [1, 3, 16, 16]
 * ```
 */
export function interpolate(input: Tensor, options: InterpolateOptions = {}): Tensor {
  const op = "interpolate";
  const { size = null, scale_factor = null, mode = "nearest", align_corners = null, recompute_scale_factor = null, antialias = false } = options;
  const dims = input.ndim - 2;
  if (dims < 1 || dims > 2) throw new Error(`${op}(): Input Error: Only 3D and 4D input Tensors supported (got ${input.ndim}D) for the modes: nearest | nearest-exact | linear | bilinear (got ${mode})`);
  const modes = ["nearest", "nearest-exact", "linear", "bilinear"];
  if (!modes.includes(mode)) throw new Error(`${op}(): mode '${mode}' is not supported; expected one of ${modes.join(" | ")}`);
  const linear = mode === "linear" || mode === "bilinear";
  if (linear && (mode === "linear" ? 1 : 2) !== dims)
    throw new Error(`${op}(): Got ${input.ndim}D input, but ${mode} mode needs ${mode === "linear" ? 3 : 4}D input`);
  if (!linear && align_corners !== null)
    throw new Error(`${op}(): align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear`);
  if (antialias) throw new Error(`${op}(): antialias is not supported`);
  if (size !== null && scale_factor !== null) throw new Error(`${op}(): only one of size or scale_factor should be defined`);
  if (size === null && scale_factor === null) throw new Error(`${op}(): either size or scale_factor should be defined`);
  const inSizes = input.shape.slice(2);
  const list = (v: number | readonly number[], name: string) => {
    const xs = typeof v === "number" ? new Array<number>(dims).fill(v) : [...v];
    if (xs.length !== dims)
      throw new Error(`${op}(): Input and ${name} must have the same number of spatial dimensions, but got input with spatial dimensions of [${inSizes.join(", ")}] and ${name} of [${xs.join(", ")}]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and ${name} in (o1, o2, ...,oK) format.`);
    return xs;
  };
  let outSizes: number[];
  let scales: (number | null)[] = new Array<null>(dims).fill(null);
  if (size !== null) {
    outSizes = list(size, "output size");
    if (outSizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error(`${op}(): output size must be positive integers, but got [${outSizes.join(", ")}]`);
  } else {
    const factors = list(scale_factor!, "scale_factor");
    if (factors.some((f) => !(f > 0))) throw new Error(`${op}(): scale_factor must be positive, but got [${factors.join(", ")}]`);
    outSizes = factors.map((f, i) => Math.floor(inSizes[i]! * f));
    // PyTorch's kernels use the given factor for coordinates unless asked to recompute it.
    if (!recompute_scale_factor) scales = factors;
  }
  let out = input;
  for (let i = 0; i < dims; i++) out = resampleAxis(out, 2 + i, outSizes[i]!, mode, align_corners ?? false, scales[i]!);
  return out;
}
