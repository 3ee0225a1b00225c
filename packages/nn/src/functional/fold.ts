import type { Tensor } from "@flambeau/tensor";
import { col2im, im2col, outputSize, tuple, type Windows } from "./windows.js";
import type { Size } from "./conv.js";

/** The windows of `unfold`/`fold` over an `[H, W]` plane, checked as PyTorch does. */
function blocks(op: string, H: number, W: number, kernel_size: Size, dilation: Size, padding: Size, stride: Size): Windows {
  const [k, d, p, s] = [tuple(op, "kernel_size", kernel_size), tuple(op, "dilation", dilation), tuple(op, "padding", padding), tuple(op, "stride", stride)];
  if (k.some((v) => v <= 0)) throw new Error(`${op}(): kernel size should be greater than zero, but got kernel_height: ${k[0]} kernel_width: ${k[1]}`);
  if (s.some((v) => v <= 0)) throw new Error(`${op}(): stride should be greater than zero, but got stride_height: ${s[0]} stride_width: ${s[1]}`);
  if (d.some((v) => v <= 0)) throw new Error(`${op}(): dilation should be greater than zero, but got dilation_height: ${d[0]} dilation_width: ${d[1]}`);
  const OH = outputSize(H, k[0]!, s[0]!, p[0]!, d[0]!);
  const OW = outputSize(W, k[1]!, s[1]!, p[1]!, d[1]!);
  if (OH < 1 || OW < 1)
    throw new Error(`${op}(): Given input with spatial size (${H}, ${W}), kernel_size=(${k.join(", ")}), dilation=(${d.join(", ")}), padding=(${p.join(", ")}), calculated shape of the array of sliding blocks as (${OH}, ${OW}), but its components must be at least one.`);
  return { H, W, kh: k[0]!, kw: k[1]!, sh: s[0]!, sw: s[1]!, dh: d[0]!, dw: d[1]!, top: p[0]!, left: p[1]!, OH, OW };
}

/**
 * `F.unfold(input, kernel_size, dilation, padding, stride)` (`nn.Unfold`): every sliding block
 * of a `(N, C, H, W)` (or `(C, H, W)`) input as a column: `(N, C * kH * kW, L)`, `L` blocks.
 *
 * @example
 * ```ts
 * F.unfold(torch.randn([1, 3, 4, 4]), 2).shape; // [1, 12, 9]
 * ```
 */
export function unfold(input: Tensor, kernel_size: Size, dilation: Size = 1, padding: Size = 0, stride: Size = 1): Tensor {
  const op = "unfold";
  if (input.ndim !== 3 && input.ndim !== 4)
    throw new Error(`${op}(): Expected 3D or 4D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions, but got: [${input.shape.join(", ")}]`);
  const x = input.ndim === 3 ? input.unsqueeze(0) : input;
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const g = blocks(op, H, W, kernel_size, dilation, padding, stride);
  const cols = im2col(x, g, 0, "kl").reshape([N, C * g.kh * g.kw, g.OH * g.OW]);
  return input.ndim === 3 ? cols.squeeze(0) : cols;
}

/**
 * `F.fold(input, output_size, kernel_size, dilation, padding, stride)` (`nn.Fold`): the reverse
 * of {@link unfold}, summing `(N, C * kH * kW, L)` blocks into a `(N, C, *output_size)` tensor
 * (overlaps add up).
 *
 * @example
 * ```ts
 * F.fold(F.unfold(x, 2), [4, 4], 2); // x times how many blocks cover each element
 * ```
 */
export function fold(input: Tensor, output_size: Size, kernel_size: Size, dilation: Size = 1, padding: Size = 0, stride: Size = 1): Tensor {
  const op = "fold";
  if (input.ndim !== 2 && input.ndim !== 3)
    throw new Error(`${op}(): Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions, but got: [${input.shape.join(", ")}]`);
  const x = input.ndim === 2 ? input.unsqueeze(0) : input;
  const [N, CK, L] = x.shape as [number, number, number];
  const [H, W] = tuple(op, "output_size", output_size) as [number, number];
  const g = blocks(op, H, W, kernel_size, dilation, padding, stride);
  const K = g.kh * g.kw;
  if (CK % K !== 0)
    throw new Error(`${op}(): Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=${CK} and kernel_size=(${g.kh}, ${g.kw})`);
  if (L !== g.OH * g.OW)
    throw new Error(`${op}(): Given output_size=(${H}, ${W}), kernel_size=(${g.kh}, ${g.kw}), dilation=(${g.dh}, ${g.dw}), padding=(${g.top}, ${g.left}), stride=(${g.sh}, ${g.sw}), expected size of input's dimension 2 to match the calculated number of sliding blocks ${g.OH} * ${g.OW} = ${g.OH * g.OW}, but got input.size(2)=${L}.`);
  const out = col2im(x.reshape([N, CK / K, K * L]), g);
  return input.ndim === 2 ? out.squeeze(0) : out;
}
