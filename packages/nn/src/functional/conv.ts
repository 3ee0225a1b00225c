/**
 * Convolutions as im2col + one batched matrix product (windows.ts): the windows of the input
 * become the columns of a `[N, C*kh*kw, L]` matrix, which the weight `[O, C*kh*kw]` multiplies.
 * On the CPU that product is the WebAssembly SIMD GEMM; gradients are autograd's.
 */
import type { Tensor } from "@flambeau/tensor";
import { relabel } from "@flambeau/tensor/internal";
import { col2im, im2colMatrix, outputSize, tuple, type PaddingMode, type Windows } from "./windows.js";

/** A size per spatial dimension, or one for all. */
export type Size = number | readonly number[];
/** Convolution padding: per spatial dimension, or PyTorch's `"same"` / `"valid"`. */
export type ConvPadding = Size | "same" | "valid";

const fmtShape = (s: readonly number[]) => `[${s.join(", ")}]`;

/** PyTorch's words for 'same' padding with a stride, raised by `F.conv*` and the modules' constructors. */
export const SAME_WITH_STRIDE = "padding='same' is not supported for strided convolutions";

interface ConvArgs {
  op: string;
  input: Tensor;
  weight: Tensor;
  bias: Tensor | null;
  stride: Size;
  padding: ConvPadding;
  dilation: Size;
  groups: number;
  /** Spatial dimensions: 1 (conv1d) or 2 (conv2d). */
  dims: 1 | 2;
  /** A layer's `padding_mode` (F.conv* pad with zeros). */
  mode?: PaddingMode;
}

/** Validate as PyTorch does (same wording, the op named first) and lift to a batched 2-D problem. */
function prepare(a: ConvArgs, transposed: boolean): { x: Tensor; w: Tensor; unbatched: boolean } {
  const { op, input, weight, bias, groups, dims } = a;
  if (input.ndim !== dims + 1 && input.ndim !== dims + 2)
    throw new Error(`${op}(): Expected ${dims + 1}D (unbatched) or ${dims + 2}D (batched) input to ${op}, but got input of size: ${fmtShape(input.shape)}`);
  if (weight.ndim !== dims + 2)
    throw new Error(`${op}(): weight should have ${dims + 2} dimensions (out_channels, in_channels / groups, kernel size), but got weight of size ${fmtShape(weight.shape)}`);
  if (!Number.isInteger(groups) || groups < 1) throw new Error(`${op}(): non-positive groups is not supported`);
  const unbatched = input.ndim === dims + 1;
  const x = unbatched ? input.unsqueeze(0) : input;
  const channels = x.shape[1]!;
  if (transposed && weight.shape[0] !== channels)
    throw new Error(`${op}(): Given transposed=1, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${weight.shape[0]} channels, but got ${channels} channels instead`);
  if (weight.shape[0]! % groups !== 0)
    throw new Error(`${op}(): Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${fmtShape(weight.shape)} instead`);
  if (!transposed && weight.shape[1]! * groups !== channels)
    throw new Error(`${op}(): Given groups=${groups}, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${weight.shape[1]! * groups} channels, but got ${channels} channels instead`);
  const outChannels = transposed ? weight.shape[1]! * groups : weight.shape[0]!;
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outChannels))
    throw new Error(`${op}(): Given weight of size ${fmtShape(weight.shape)}, expected bias to be 1-dimensional with ${outChannels} elements, but got bias of size ${fmtShape(bias.shape)} instead`);
  for (const t of [weight, bias]) {
    if (t && t.dtype !== x.dtype) throw new Error(`${op}(): Input type (${x.dtype}) and ${t === weight ? "weight" : "bias"} type (${t.dtype}) should be the same`);
    if (t && t.device.toString() !== x.device.toString())
      throw new Error(`${op}(): Input type (${x.device}) and ${t === weight ? "weight" : "bias"} (${t.device}) should be on the same device`);
  }
  // One spatial dimension is two with a height of 1.
  return dims === 1 ? { x: x.unsqueeze(2), w: weight.unsqueeze(2), unbatched } : { x, w: weight, unbatched };
}

/** The stride, dilation and per-side padding of a convolution, checked, as 2-D values. */
function convGeometry(a: ConvArgs, kernel: readonly number[]): { stride: number[]; dilation: number[]; before: number[]; after: number[] } {
  const { op, dims } = a;
  const lift = (xs: number[], fill: number) => (dims === 1 ? [fill, xs[0]!] : xs);
  const check = (name: string, v: Size, positive: boolean) => {
    const xs = typeof v === "number" ? [v] : [...v];
    if (xs.length !== 1 && xs.length !== dims)
      throw new Error(`${op}(): expected ${name} to be a single integer value or a list of ${dims} values to match the convolution dimensions, but got ${name}=[${xs.join(", ")}]`);
    if (positive && xs.some((s) => s <= 0)) throw new Error(`${op}(): non-positive ${name} is not supported`);
    if (!positive && xs.some((s) => s < 0)) throw new Error(`${op}(): negative ${name} is not supported`);
    return tuple(op, name, v, dims);
  };
  const stride = lift(check("stride", a.stride, true), 1);
  const dilation = lift(check("dilation", a.dilation, true), 1);
  let before: number[];
  let after: number[];
  if (typeof a.padding === "string") {
    if (a.padding !== "same" && a.padding !== "valid") throw new Error(`${op}(): Invalid padding string: '${a.padding}'`);
    if (a.padding === "same" && stride.some((s) => s !== 1)) throw new Error(`${op}(): ${SAME_WITH_STRIDE}`);
    // "same": the total d*(k-1) split with the odd one at the end, as PyTorch does.
    const total = a.padding === "same" ? kernel.map((k, i) => dilation[i]! * (k - 1)) : [0, 0];
    before = total.map((t) => Math.floor(t / 2));
    after = total.map((t, i) => t - before[i]!);
  } else {
    before = lift(check("padding", a.padding, false), 0);
    after = before;
  }
  return { stride, dilation, before, after };
}

function finish(out: Tensor, a: ConvArgs, unbatched: boolean, node: string): Tensor {
  let y = a.dims === 1 ? out.squeeze(2) : out;
  if (unbatched) y = y.squeeze(0);
  return relabel(y, [a.input], node);
}

/** Convolution with a layer's `padding_mode`: `nn.Conv1d`/`nn.Conv2d` call this, `F.conv*` with zeros. */
export function convolution(a: ConvArgs): Tensor {
  const { x, w, unbatched } = prepare(a, false);
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const [O, , kh, kw] = w.shape as [number, number, number, number];
  const { stride, dilation, before, after } = convGeometry(a, [kh, kw]);
  const eff = [dilation[0]! * (kh - 1) + 1, dilation[1]! * (kw - 1) + 1];
  const padded = [H + before[0]! + after[0]!, W + before[1]! + after[1]!];
  if (padded[0]! < eff[0]! || padded[1]! < eff[1]!) {
    const [ph, pw] = a.dims === 1 ? [padded[1]!] : padded;
    const [ekh, ekw] = a.dims === 1 ? [eff[1]!] : eff;
    throw new Error(`${a.op}(): Calculated padded input size per channel: (${a.dims === 1 ? ph : `${ph} x ${pw}`}). Kernel size: (${a.dims === 1 ? ekh : `${ekh} x ${ekw}`}). Kernel size can't be greater than actual input size`);
  }
  const mode = a.mode ?? "zeros";
  if (mode !== "zeros") checkPadding(a, mode, [H, W], before, after);
  const g: Windows = {
    H, W, kh, kw, sh: stride[0]!, sw: stride[1]!, dh: dilation[0]!, dw: dilation[1]!, top: before[0]!, left: before[1]!, mode,
    OH: outputSize(H, kh, stride[0]!, before[0]!, dilation[0]!, false, after[0]!),
    OW: outputSize(W, kw, stride[1]!, before[1]!, dilation[1]!, false, after[1]!),
  };
  const groups = a.groups;
  const NL = N * g.OH * g.OW;
  const depth = (C / groups) * kh * kw;
  const cols = im2colMatrix(x, g); // [C*K, N*L]
  const out = groups === 1
    ? w.reshape([O, depth]).matmul(cols)
    : w.reshape([groups, O / groups, depth]).matmul(cols.reshape([groups, depth, NL])).reshape([O, NL]);
  // [O, N, OH, OW] viewed as [N, O, OH, OW], then laid out as PyTorch's (contiguous, so a
  // user's `.view(N, -1)` works): the bias add writes it so, or a copy when there is no bias.
  const t = out.reshape([O, N, g.OH, g.OW]).transpose(0, 1);
  const y = a.bias ? t.add(a.bias.reshape([1, O, 1, 1])) : t.contiguous();
  return finish(y, a, unbatched, "ConvolutionBackward0");
}

/** PyTorch's limits on mirrored and wrapped padding (F.pad's), which must read inside the input. */
function checkPadding(a: ConvArgs, mode: PaddingMode, sizes: number[], before: number[], after: number[]): void {
  for (let i = 2 - a.dims; i < 2; i++) {
    const size = sizes[i]!;
    const most = Math.max(before[i]!, after[i]!);
    if (mode === "reflect" && most >= size)
      throw new Error(`${a.op}(): padding_mode='reflect': padding size should be less than the corresponding input dimension, but got padding (${before[i]}, ${after[i]}) for an input dimension of ${size}`);
    if (mode === "circular" && most > size)
      throw new Error(`${a.op}(): padding_mode='circular': padding value causes wrapping around more than once (padding (${before[i]}, ${after[i]}) for an input dimension of ${size})`);
  }
}

/**
 * `F.conv2d(input, weight, bias, stride, padding, dilation, groups)`: 2-D cross-correlation of
 * an `(N, C, H, W)` (or unbatched `(C, H, W)`) input with `weight` of shape
 * `(out_channels, C / groups, kH, kW)`. `padding` may be `"same"` (stride 1) or `"valid"`.
 *
 * @example
 * ```ts
 * const y = F.conv2d(torch.randn([8, 1, 28, 28]), torch.randn([32, 1, 3, 3]), null, 1, 1);
 * y.shape; // [8, 32, 28, 28]
 * ```
 */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, stride: Size = 1, padding: ConvPadding = 0, dilation: Size = 1, groups = 1): Tensor {
  return convolution({ op: "conv2d", input, weight, bias, stride, padding, dilation, groups, dims: 2 });
}

/**
 * `F.conv1d(input, weight, bias, stride, padding, dilation, groups)`: 1-D cross-correlation of
 * an `(N, C, L)` (or `(C, L)`) input with `weight` of shape `(out_channels, C / groups, k)`.
 *
 * @example
 * ```ts
 * F.conv1d(torch.randn([4, 2, 10]), torch.randn([3, 2, 5]), null, 1, "same").shape; // [4, 3, 10]
 * ```
 */
export function conv1d(input: Tensor, weight: Tensor, bias: Tensor | null = null, stride: Size = 1, padding: ConvPadding = 0, dilation: Size = 1, groups = 1): Tensor {
  return convolution({ op: "conv1d", input, weight, bias, stride, padding, dilation, groups, dims: 1 });
}

/**
 * `F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)`:
 * the gradient of `conv2d` with respect to its input, used as an upsampling layer. `weight` is
 * `(C, out_channels / groups, kH, kW)`; the output is `(H - 1) * stride - 2 * padding +
 * dilation * (kH - 1) + output_padding + 1` high (and likewise wide).
 *
 * @example
 * ```ts
 * F.conv_transpose2d(torch.randn([1, 4, 5, 5]), torch.randn([4, 2, 3, 3]), null, 2).shape; // [1, 2, 11, 11]
 * ```
 */
export function conv_transpose2d(
  input: Tensor, weight: Tensor, bias: Tensor | null = null, stride: Size = 1, padding: Size = 0, output_padding: Size = 0, groups = 1, dilation: Size = 1,
): Tensor {
  const op = "conv_transpose2d";
  const a: ConvArgs = { op, input, weight, bias, stride, padding, dilation, groups, dims: 2 };
  const { x, w, unbatched } = prepare(a, true);
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const [, Og, kh, kw] = w.shape as [number, number, number, number];
  const { stride: s, dilation: d, before: p } = convGeometry(a, [kh, kw]);
  const extra = tuple(op, "output_padding", output_padding);
  if (extra.some((e, i) => e >= s[i]! && e >= d[i]!))
    throw new Error(`${op}(): output padding must be smaller than either stride or dilation, but got output_padding_height: ${extra[0]} output_padding_width: ${extra[1]} stride_height: ${s[0]} stride_width: ${s[1]} dilation_height: ${d[0]} dilation_width: ${d[1]}`);
  const OH = (H - 1) * s[0]! - 2 * p[0]! + d[0]! * (kh - 1) + extra[0]! + 1;
  const OW = (W - 1) * s[1]! - 2 * p[1]! + d[1]! * (kw - 1) + extra[1]! + 1;
  if (OH <= 0 || OW <= 0)
    throw new Error(`${op}(): Given input size per channel: (${H} x ${W}). Calculated output size per channel: (${OH} x ${OW}). Output size is too small`);
  const Cg = C / groups;
  const depth = Og * kh * kw;
  // Each input pixel spreads weight^T times its channels over a window: columns, then fold.
  const wt = w.reshape([groups, Cg, depth]).transpose(1, 2); // [g, Og*K, Cg]
  const cols = wt.matmul(x.reshape([N, groups, Cg, H * W])); // [N, g, Og*K, H*W]
  const g: Windows = { H: OH, W: OW, kh, kw, sh: s[0]!, sw: s[1]!, dh: d[0]!, dw: d[1]!, top: p[0]!, left: p[1]!, OH: H, OW: W };
  let y = col2im(cols.reshape([N, groups * Og, kh * kw * H * W]), g);
  if (bias) y = y.add(bias.reshape([1, groups * Og, 1, 1]));
  return finish(y, a, unbatched, "ConvolutionBackward0");
}
