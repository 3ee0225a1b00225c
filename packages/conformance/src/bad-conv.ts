/**
 * Bad-input rows: convolution, pooling and normalization layers, with PyTorch's words, the op
 * and the shapes named; a refused call changes no parameter or statistic.
 */
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { T } from "./case-kit.js";

export const BAD_CONV_CASES: BadInputCase[] = [
  {
    name: "Conv2d given an input with the wrong channel count changes no parameter",
    make: (d) => ({ modules: [new torch.nn.Conv2d(1, 4, 3).to(d)] }),
    run: (s, d) => (s.modules![0] as torch.nn.Conv2d)(torch.zeros([2, 3, 8, 8], { device: d })),
    error: Error,
    words: ["conv2d", "Given groups=1, weight of size [4, 1, 3, 3], expected input[2, 3, 8, 8] to have 1 channels, but got 3 channels instead"],
  },
  {
    name: "conv2d with a kernel larger than the padded input",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 2, 2], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1)),
    error: Error,
    words: ["conv2d", "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size"],
  },
  {
    name: "conv2d whose weight's out channels are not divisible by groups",
    make: (d) => ({ tensors: [torch.zeros([1, 4, 5, 5], { device: d }), torch.zeros([3, 2, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), null, 1, 0, 1, 2),
    error: Error,
    words: ["conv2d", "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [3, 2, 3, 3] instead"],
  },
  {
    name: "nn.Conv2d with in_channels not divisible by groups",
    run: () => new torch.nn.Conv2d(3, 4, 3, { groups: 2 }),
    error: Error,
    words: ["in_channels must be divisible by groups"],
  },
  {
    name: "conv2d with a bias of the wrong length",
    make: (d) => ({ tensors: [torch.zeros([1, 3, 5, 5], { device: d }), torch.zeros([4, 3, 3, 3], { device: d }), torch.zeros([3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), T(s, 2)),
    error: Error,
    words: ["conv2d", "Given weight of size [4, 3, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of size [3] instead"],
  },
  {
    name: "conv2d of a 2-D input",
    make: (d) => ({ tensors: [torch.zeros([2, 3], { device: d }), torch.zeros([4, 3, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1)),
    error: Error,
    words: ["conv2d", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]"],
  },
  {
    name: "conv1d with padding='same' and a stride",
    make: (d) => ({ tensors: [torch.zeros([1, 2, 8], { device: d }), torch.zeros([2, 2, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv1d(T(s), T(s, 1), null, 2, "same"),
    error: Error,
    words: ["conv1d", "padding='same' is not supported for strided convolutions"],
  },
  {
    name: "conv_transpose2d with output_padding not smaller than stride or dilation",
    make: (d) => ({ tensors: [torch.zeros([1, 2, 3, 3], { device: d }), torch.zeros([2, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv_transpose2d(T(s), T(s, 1), null, 2, 0, 2),
    error: Error,
    words: ["conv_transpose2d", "output padding must be smaller than either stride or dilation"],
  },
  {
    name: "max_pool2d with padding over half the kernel",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), 3, 1, 2),
    error: Error,
    words: ["max_pool2d", "pad should be at most half of kernel size, but got pad=2 and kernel_size=3"],
  },
  {
    name: "MaxPool2d whose window is larger than the input",
    make: (d) => ({ tensors: [torch.zeros([1, 3, 5, 5], { device: d })] }),
    run: (s) => new torch.nn.MaxPool2d(7)(T(s)),
    error: Error,
    words: ["max_pool2d", "Given input size: (3x5x5). Calculated output size: (3x0x0). Output size is too small"],
  },
  {
    name: "avg_pool2d of a 2-D input",
    make: (d) => ({ tensors: [torch.zeros([5, 5], { device: d })] }),
    run: (s) => torch.nn.functional.avg_pool2d(T(s), 2),
    error: Error,
    words: ["avg_pool2d", "Expected 3D or 4D (batch mode) tensor", "[5, 5]"],
  },
  {
    name: "fold with a block count that does not match output_size",
    make: (d) => ({ tensors: [torch.zeros([2, 12, 9], { device: d })] }),
    run: (s) => torch.nn.functional.fold(T(s), [5, 5], 2),
    error: Error,
    words: ["fold", "expected size of input's dimension 2 to match the calculated number of sliding blocks 4 * 4 = 16, but got input.size(2)=9"],
  },
  // Convolution and pooling arguments of the wrong kind (TypeError, as PyTorch's) or value
  // (PyTorch's RuntimeError: "negative padding is not supported", "pad must be non-negative").
  {
    name: "conv2d with a string weight",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), "w" as never),
    error: TypeError,
    words: ["conv2d()", "argument 'weight' must be Tensor, not string \"w\""],
  },
  {
    name: "conv2d with a fractional stride",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), { stride: 1.5 }),
    error: TypeError,
    words: ["conv2d()", "argument 'stride' must be int or array of ints, not number 1.5"],
  },
  {
    name: "conv2d with a stride array holding a string",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), null, [1, "1"] as never),
    error: TypeError,
    words: ["conv2d()", "argument 'stride' must be int or array of ints, not array"],
  },
  {
    name: "conv2d with negative padding",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), { padding: -1 }),
    error: Error,
    words: ["conv2d()", "negative padding is not supported"],
  },
  {
    name: "max_pool2d with a string kernel_size",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), { kernel_size: "3" } as never),
    error: TypeError,
    words: ["max_pool2d()", "argument 'kernel_size' must be int or array of ints, not string \"3\""],
  },
  {
    name: "max_pool2d with a string ceil_mode (accepted before)",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), 2, { ceil_mode: "yes" } as never),
    error: TypeError,
    words: ["max_pool2d()", "argument 'ceil_mode' must be bool, not string \"yes\""],
  },
  {
    name: "max_pool2d with negative padding",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), 2, { padding: -1 }),
    error: Error,
    words: ["max_pool2d()", "padding must be a non-negative integer", "-1"],
  },
  {
    name: "avg_pool2d with a fractional divisor_override",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.avg_pool2d(T(s), 2, { divisor_override: 1.5 }),
    error: TypeError,
    words: ["avg_pool2d()", "argument 'divisor_override' must be int or null, not number 1.5"],
  },
  {
    name: "adaptive_avg_pool2d with a fractional output_size",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.adaptive_avg_pool2d(T(s), 1.5),
    error: TypeError,
    words: ["adaptive_avg_pool2d()", "argument 'output_size' must be int or array of ints or nulls, not number 1.5"],
  },
  {
    name: "interpolate with a string align_corners (accepted before)",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.interpolate(T(s), { scale_factor: 2, mode: "bilinear", align_corners: "no" as never }),
    error: TypeError,
    words: ["interpolate()", "argument 'align_corners' must be bool or null, not string \"no\""],
  },
  {
    name: "unfold with a zero stride",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.unfold(T(s), 2, { stride: 0 }),
    error: Error,
    words: ["unfold()", "stride should be greater than zero, but got stride_height: 0 stride_width: 0"],
  },
  {
    name: "nn.Conv2d with a string in_channels (accepted before)",
    run: () => new torch.nn.Conv2d("1" as never, 2, 3),
    error: TypeError,
    words: ["nn.Conv2d()", "argument 'in_channels' must be int, not string \"1\""],
  },
  {
    name: "nn.MaxPool2d with a fractional kernel_size (accepted before)",
    run: () => new torch.nn.MaxPool2d(1.5),
    error: TypeError,
    words: ["nn.MaxPool2d()", "argument 'kernel_size' must be int or array of ints, not number 1.5"],
  },
  {
    name: "interpolate given both size and scale_factor",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.interpolate(T(s), { size: 8, scale_factor: 2 }),
    error: Error,
    words: ["interpolate", "only one of size or scale_factor should be defined"],
  },
  {
    name: "BatchNorm2d given a 3-D input changes no statistic",
    make: (d) => ({ modules: [new torch.nn.BatchNorm2d(3).to(d)] }),
    run: (s, d) => (s.modules![0] as torch.nn.BatchNorm2d)(torch.zeros([2, 3, 4], { device: d })),
    error: Error,
    words: ["expected 4D input (got 3D input)"],
  },
];
