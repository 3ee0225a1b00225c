/**
 * Pooling over the last two dimensions. Max and average pooling reduce each window of
 * im2col's `[N, C, L, K]` layout (windows.ts); adaptive average pooling is two small matrix
 * products with averaging matrices, exact for PyTorch's uneven windows. Gradients are autograd's.
 */
import { arange, tensor, type Tensor } from "@flambeau/tensor";
import { IndexTable, max_over, relabel } from "@flambeau/tensor/internal";
import { cachedTable, geometryKey, im2col, outputSize, pick, tuple, windowIndex, type Windows } from "./windows.js";
import type { Size } from "./conv.js";

/** `[N, C, H, W]` from a 3-D or 4-D input, as PyTorch's pooling ops accept. */
function batched(op: string, input: Tensor): { x: Tensor; unbatched: boolean } {
  if ((input.ndim !== 3 && input.ndim !== 4) || input.shape.slice(1).some((s) => s === 0))
    throw new Error(`${op}(): Expected 3D or 4D (batch mode) tensor with non-zero sizes for input, but got input of size [${input.shape.join(", ")}]`);
  return input.ndim === 3 ? { x: input.unsqueeze(0), unbatched: true } : { x: input, unbatched: false };
}

/** Kernel, stride (the kernel when null), padding and dilation of a pooling op, checked as PyTorch does. */
function poolWindows(op: string, x: Tensor, kernel_size: Size, stride: Size | null, padding: Size, dilation: Size, ceil: boolean): Windows {
  const [k, s, p, d] = [tuple(op, "kernel_size", kernel_size), tuple(op, "stride", stride ?? kernel_size), tuple(op, "padding", padding), tuple(op, "dilation", dilation)];
  if (k.some((v) => v === 0)) throw new Error(`${op}(): kernel_size must be greater than zero, but got kH: ${k[0]} kW: ${k[1]}`);
  if (s.some((v) => v === 0)) throw new Error(`${op}(): stride should not be zero`);
  if (d.some((v) => v === 0)) throw new Error(`${op}(): dilation should be greater than zero, but got dilationH: ${d[0]} dilationW: ${d[1]}`);
  for (let i = 0; i < 2; i++)
    if (p[i]! > k[i]! / 2) throw new Error(`${op}(): pad should be at most half of kernel size, but got pad=${p[i]} and kernel_size=${k[i]}`);
  const [C, H, W] = x.shape.slice(1) as [number, number, number];
  const OH = outputSize(H, k[0]!, s[0]!, p[0]!, d[0]!, ceil);
  const OW = outputSize(W, k[1]!, s[1]!, p[1]!, d[1]!, ceil);
  if (OH < 1 || OW < 1)
    throw new Error(`${op}(): Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${OH}x${OW}). Output size is too small`);
  return { H, W, kh: k[0]!, kw: k[1]!, sh: s[0]!, sw: s[1]!, dh: d[0]!, dw: d[1]!, top: p[0]!, left: p[1]!, OH, OW };
}

/** `[N, C, OH*OW, K]`: each window's elements along the last axis. */
function windowsOf(x: Tensor, g: Windows, padValue: number): Tensor {
  const [N, C] = x.shape as [number, number];
  return im2col(x, g, padValue, "lk").reshape([N, C, g.OH * g.OW, g.kh * g.kw]);
}

const unbatch = (t: Tensor, unbatched: boolean) => (unbatched ? t.squeeze(0) : t);

/** Options of {@link max_pool2d}, PyTorch's keyword arguments. */
export interface MaxPool2dOptions {
  stride?: Size | null;
  padding?: Size;
  dilation?: Size;
  ceil_mode?: boolean;
  return_indices?: boolean;
}

/**
 * `F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)`:
 * the largest element of each window (padding counts as `-inf`). With `return_indices`, also
 * each maximum's flat position within its input plane (`h * W + w`), as `[output, indices]`.
 *
 * @example
 * ```ts
 * F.max_pool2d(torch.randn([1, 3, 28, 28]), 2).shape; // [1, 3, 14, 14]
 * const [y, idx] = F.max_pool2d(x, 2, { return_indices: true });
 * ```
 */
export function max_pool2d(
  input: Tensor, kernel_size: Size, stride: Size | null = null, padding: Size = 0, dilation: Size = 1, ceil_mode = false, return_indices = false,
): Tensor | [Tensor, Tensor] {
  const op = "max_pool2d";
  const { x, unbatched } = batched(op, input);
  const g = poolWindows(op, x, kernel_size, stride, padding, dilation, ceil_mode);
  const [N, C] = x.shape as [number, number];
  if (tiles(g)) return maxPoolTiles(input, x, g, unbatched, return_indices);
  const L = g.OH * g.OW;
  const K = g.kh * g.kw;
  // Padded taps read the window's first tap inside the input again: the maximum and its first
  // position are then PyTorch's (which starts from that tap, so an all -inf window answers it),
  // and no pad value is needed, for floats or integers.
  const table = cachedTable(`max:${geometryKey(g)}`, () => {
    const { index } = windowIndex(g, "lk");
    const pad = g.H * g.W;
    for (let l = 0; l < L; l++) {
      const row = index.subarray(l * K, (l + 1) * K);
      const first = row.find((v) => v !== pad)!;
      for (let k = 0; k < K; k++) if (row[k] === pad) row[k] = first;
    }
    return new IndexTable(index, pad);
  });
  const [values, arg] = pick(x, table, 0).reshape([N, C, L, K]).max(3);
  const out = relabel(values.reshape([N, C, g.OH, g.OW]), [input], "MaxPool2DWithIndicesBackward0");
  if (!return_indices) return unbatch(out, unbatched);
  // The flat input position under each window's winning tap, from the same index table.
  const positions = table.on(x.device).reshape([1, 1, L, K]);
  const flat = positions.expand([N, C, L, K]).gather(3, arg.unsqueeze(3)).reshape([N, C, g.OH, g.OW]);
  return [unbatch(out, unbatched), unbatch(flat, unbatched)];
}

/** Whether the windows tile the input: stride = kernel, no padding or dilation, none past the edge. */
const tiles = (g: Windows) =>
  g.sh === g.kh && g.sw === g.kw && g.top === 0 && g.left === 0 && g.dh === 1 && g.dw === 1 && g.OH * g.kh <= g.H && g.OW * g.kw <= g.W;

/**
 * Max pooling over windows that tile the input (`MaxPool2d(2)`, the common case), on a view:
 * `[N, C, OH, kh, OW, kw]` reduced over `kh` and `kw` at once (`max_over`), with no window
 * gather and no copy. Its index is the window's first maximum in row-major order (NaN
 * counting as the largest), as the general path's `max` over `[N, C, L, K]` picks it.
 */
function maxPoolTiles(input: Tensor, x: Tensor, g: Windows, unbatched: boolean, return_indices: boolean): Tensor | [Tensor, Tensor] {
  const [N, C] = x.shape as [number, number];
  const [h, w] = [g.OH * g.kh, g.OW * g.kw];
  // Rows and columns past the last window are never read: a narrowing view, not a copy.
  const cropped = h === g.H && w === g.W ? x : x.narrow(2, 0, h).narrow(3, 0, w);
  const [values, tap] = max_over(cropped.reshape([N, C, g.OH, g.kh, g.OW, g.kw]), [3, 5]);
  const out = unbatch(relabel(values, [input], "MaxPool2DWithIndicesBackward0"), unbatched);
  if (!return_indices) return out;
  // The flat position h * W + w of each window's winner, int32 as the general path's (its index table).
  const device = x.device;
  const k = tap.to("int32");
  const top = arange(0, h, g.kh, { dtype: "int32", device }).reshape([g.OH, 1]);
  const left = arange(0, w, g.kw, { dtype: "int32", device });
  const flat = k.div(g.kw, { rounding_mode: "floor" }).add(top).mul(g.W).add(k.remainder(g.kw).add(left));
  return [out, unbatch(flat, unbatched)];
}

/**
 * `F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad,
 * divisor_override)`: the mean of each window, dividing by the window's size including
 * padding (`count_include_pad`, the default), without it, or by `divisor_override`.
 *
 * @example
 * ```ts
 * F.avg_pool2d(torch.randn([1, 3, 8, 8]), 2).shape; // [1, 3, 4, 4]
 * ```
 */
export function avg_pool2d(
  input: Tensor, kernel_size: Size, stride: Size | null = null, padding: Size = 0, ceil_mode = false, count_include_pad = true,
  divisor_override: number | null = null,
): Tensor {
  const op = "avg_pool2d";
  const { x, unbatched } = batched(op, input);
  if (divisor_override !== null && (!Number.isInteger(divisor_override) || divisor_override === 0))
    throw new Error(`${op}(): divisor must be not zero`);
  const g = poolWindows(op, x, kernel_size, stride, padding, 1, ceil_mode);
  const [N, C] = x.shape as [number, number];
  const sums = windowsOf(x, g, 0).sum(3);
  // PyTorch's divisor per window: the part inside input + padding (or inside the input alone).
  const divisors = new Float64Array(g.OH * g.OW);
  for (let oy = 0; oy < g.OH; oy++)
    for (let ox = 0; ox < g.OW; ox++) {
      const [h0, w0] = [oy * g.sh - g.top, ox * g.sw - g.left];
      const [h1, w1] = [Math.min(h0 + g.kh, g.H + g.top), Math.min(w0 + g.kw, g.W + g.left)];
      const withPad = (h1 - h0) * (w1 - w0);
      const inside = (Math.min(h1, g.H) - Math.max(h0, 0)) * (Math.min(w1, g.W) - Math.max(w0, 0));
      divisors[oy * g.OW + ox] = divisor_override ?? (count_include_pad ? withPad : inside);
    }
  const divisor = tensor(divisors, { dtype: x.dtype, device: x.device });
  const out = sums.div(divisor).reshape([N, C, g.OH, g.OW]);
  return unbatch(relabel(out, [input], "AvgPool2DBackward0"), unbatched);
}

/** PyTorch's adaptive window along one axis: `[start, end)` of output `i`. */
const adaptiveRange = (i: number, size: number, out: number): [number, number] =>
  [Math.floor((i * size) / out), Math.ceil(((i + 1) * size) / out)];

/**
 * `F.adaptive_avg_pool2d(input, output_size)`: average pooling whose windows are chosen to give
 * exactly `output_size` (an int, a pair, or a pair with `null` to keep that input size).
 *
 * @example
 * ```ts
 * F.adaptive_avg_pool2d(torch.randn([2, 16, 7, 7]), 1).shape; // [2, 16, 1, 1]
 * ```
 */
export function adaptive_avg_pool2d(input: Tensor, output_size: number | readonly (number | null)[]): Tensor {
  const op = "adaptive_avg_pool2d";
  if ((input.ndim !== 3 && input.ndim !== 4) || input.shape.slice(-2).some((s) => s === 0))
    throw new Error(`${op}(): Expected 3D or 4D tensor, but got [${input.shape.join(", ")}]`);
  const { x, unbatched } = batched(op, input);
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const sizes = typeof output_size === "number" ? [output_size, output_size] : output_size.length === 1 ? [output_size[0]!, output_size[0]!] : [...output_size];
  if (sizes.length !== 2) throw new Error(`${op}(): output_size must be 2`);
  const [OH, OW] = [sizes[0] ?? H, sizes[1] ?? W];
  if (![OH, OW].every((s) => Number.isInteger(s) && s >= 0))
    throw new Error(`${op}(): output_size must be non-negative integers, but got (${OH}, ${OW})`);
  // Windows differ in size by one at most: gather each into the largest, padding with zeros.
  const kh = Math.max(...Array.from({ length: OH }, (_, i) => adaptiveRange(i, H, OH)).map(([a, b]) => b - a), 0);
  const kw = Math.max(...Array.from({ length: OW }, (_, i) => adaptiveRange(i, W, OW)).map(([a, b]) => b - a), 0);
  const K = kh * kw;
  const index = new Int32Array(OH * OW * K).fill(H * W);
  const counts = new Float64Array(OH * OW);
  for (let oy = 0; oy < OH; oy++)
    for (let ox = 0; ox < OW; ox++) {
      const [h0, h1] = adaptiveRange(oy, H, OH);
      const [w0, w1] = adaptiveRange(ox, W, OW);
      const l = oy * OW + ox;
      counts[l] = (h1 - h0) * (w1 - w0);
      for (let h = h0; h < h1; h++) for (let w = w0; w < w1; w++) index[l * K + (h - h0) * kw + (w - w0)] = h * W + w;
    }
  const table = cachedTable(`adaptive:${H},${W},${OH},${OW}`, () => new IndexTable(index, H * W));
  const sums = pick(x, table, 0).reshape([N, C, OH * OW, K]).sum(3);
  const out = sums.div(tensor(counts, { dtype: x.dtype, device: x.device })).reshape([N, C, OH, OW]);
  return unbatch(relabel(out, [input], "AdaptiveAvgPool2DBackward0"), unbatched);
}
