/**
 * The gradients of convolution, pooling, resampling and unfold/fold against central finite
 * differences in float64 on the CPU (PyTorch's `gradcheck`), for the awkward geometries: uneven
 * "same" padding, dilation, groups, strides that skip input, ceil-mode overhangs, overlapping folds.
 */
import { describe, expect, it } from "vitest";
import "@flambeau/backend-cpu";
import { manual_seed, randn, type Tensor } from "@flambeau/tensor";
import { gradcheck } from "@flambeau/autograd";
import { functional as F } from "@flambeau/nn";

const f64 = (...shape: number[]) => randn(shape, { dtype: "float64", requires_grad: true });
/** A scalar of `y` that weighs every element differently, so a misplaced gradient shows. */
const weigh = (y: Tensor) => y.mul(y.detach().mul(0).add(1).cumsum(-1)).sum();

const cases: [string, () => Tensor[], (...t: Tensor[]) => Tensor][] = [
  ["conv2d: stride, padding, dilation, bias", () => [f64(1, 2, 5, 5), f64(3, 2, 3, 2), f64(3)], (x, w, b) => F.conv2d(x, w, b, [2, 1], 1, [1, 2])],
  ["conv2d: groups and uneven 'same' padding", () => [f64(1, 4, 5, 6), f64(6, 2, 2, 3)], (x, w) => F.conv2d(x, w, null, 1, "same", 1, 2)],
  ["conv1d: stride skipping input, groups", () => [f64(1, 4, 8), f64(2, 2, 3), f64(2)], (x, w, b) => F.conv1d(x, w, b, 3, 0, 1, 2)],
  ["conv_transpose2d: stride, padding, output_padding, dilation, groups", () => [f64(1, 4, 3, 4), f64(4, 1, 3, 2), f64(2)],
    (x, w, b) => F.conv_transpose2d(x, w, b, 2, 1, 1, 2, [1, 2])],
  ["max_pool2d: padding, dilation, ceil_mode", () => [f64(1, 2, 7, 8)], (x) => F.max_pool2d(x, 3, 2, 1, [1, 2], true)],
  ["avg_pool2d: padding, ceil_mode, count_include_pad=false", () => [f64(1, 1, 7, 6)], (x) => F.avg_pool2d(x, 3, 2, 1, true, false)],
  ["adaptive_avg_pool2d: uneven windows", () => [f64(1, 2, 7, 5)], (x) => F.adaptive_avg_pool2d(x, [3, 4])],
  ["interpolate: bilinear", () => [f64(1, 2, 3, 4)], (x) => F.interpolate(x, { scale_factor: 1.7, mode: "bilinear" })],
  ["interpolate: linear, align_corners", () => [f64(2, 1, 5)], (x) => F.interpolate(x, { size: 8, mode: "linear", align_corners: true })],
  ["interpolate: nearest", () => [f64(1, 1, 3, 3)], (x) => F.interpolate(x, { size: [5, 4] })],
  ["unfold: dilation, padding, stride", () => [f64(1, 2, 5, 5)], (x) => F.unfold(x, 2, 2, 1, [1, 2])],
  ["fold: overlapping blocks", () => [f64(1, 8, 9)], (x) => F.fold(x, [4, 4], 2)],
];

describe("gradcheck (float64, CPU): conv, pooling, resampling, unfold/fold", () => {
  for (const [name, make, fn] of cases)
    it(name, () => {
      manual_seed(3);
      expect(gradcheck((...t: Tensor[]) => weigh(fn(...t)), make(), { eps: 1e-6, atol: 1e-5, rtol: 1e-3 })).toBe(true);
    });
});
