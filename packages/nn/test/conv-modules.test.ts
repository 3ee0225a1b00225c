// Conv and pooling layers beyond the numeric fixtures (conv-conformance.ts): print(module) as
// PyTorch prints it, positional and options forms agreeing, and PyTorch's constructor refusals.
import "@flambeau/backend-cpu";
import { describe, expect, it } from "vitest";
import { manual_seed, randn, type Tensor } from "@flambeau/tensor";
import { no_grad } from "@flambeau/autograd";
import * as nn from "@flambeau/nn";
import { build, convFixture } from "@flambeau/test-kit/nn";

describe("print(module) of conv, pooling and resampling layers is PyTorch's", () => {
  for (const { module, repr } of convFixture().reprs)
    it(repr, () => expect(String(build(module))).toBe(repr));
});

describe("positional arguments and the options object agree", () => {
  it("Conv2d(in, out, k, stride, padding, dilation, groups, bias) = Conv2d(in, out, k, { ... })", () => {
    manual_seed(1);
    const a = new nn.Conv2d(4, 6, 3, 2, 1, 1, 2, false);
    manual_seed(1);
    const b = new nn.Conv2d(4, 6, 3, { stride: 2, padding: 1, groups: 2, bias: false });
    expect(String(a)).toBe(String(b));
    expect(Array.from(a.weight.dataSync())).toEqual(Array.from(b.weight.dataSync()));
    expect(a.bias).toBeNull();
  });
  it("MaxPool2d with return_indices returns PyTorch's [output, indices] from a module call", () => {
    const x = randn([1, 1, 4, 4]);
    const [y, idx] = new nn.MaxPool2d(2, { return_indices: true })(x) as unknown as [Tensor, Tensor];
    const [y2, idx2] = nn.functional.max_pool2d(x, 2, { return_indices: true });
    expect(Array.from(y.dataSync())).toEqual(Array.from(y2.dataSync()));
    expect(idx.dtype).toBe("int32");
    expect(Array.from(idx.dataSync())).toEqual(Array.from(idx2.dataSync()));
    // Each index points at its maximum in the flattened input plane.
    const flat = x.reshape([16]).dataSync();
    expect(Array.from(idx.dataSync(), (i) => flat[i])).toEqual(Array.from(y.dataSync()));
  });
});

describe("constructors refuse what PyTorch refuses", () => {
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return "no error";
  };
  it("channels not divisible by groups", () => {
    expect(message(() => new nn.Conv2d(3, 4, 3, { groups: 2 }))).toBe("in_channels must be divisible by groups");
    expect(message(() => new nn.Conv1d(4, 3, 3, { groups: 2 }))).toBe("out_channels must be divisible by groups");
  });
  it("padding='same' with a stride, an unknown padding string or padding_mode, a transposed conv's padding_mode", () => {
    expect(message(() => new nn.Conv2d(1, 1, 3, { stride: 2, padding: "same" }))).toBe("padding='same' is not supported for strided convolutions");
    expect(message(() => new nn.Conv2d(1, 1, 3, { padding: "full" as "same" }))).toMatch(/Invalid padding string 'full'/);
    expect(message(() => new nn.Conv2d(1, 1, 3, { padding_mode: "mirror" as "zeros" }))).toBe(
      "padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='mirror'");
    expect(message(() => new nn.ConvTranspose2d(1, 1, 3, { padding_mode: "reflect" as "zeros" }))).toBe('Only "zeros" padding mode is supported for ConvTranspose2d');
  });
  it("reflect padding as wide as the input, circular padding wrapping twice", () => {
    expect(message(() => new nn.Conv2d(1, 1, 3, { padding: 3, padding_mode: "reflect" })(randn([1, 1, 3, 5])))).toMatch(
      /^conv2d\(\): padding_mode='reflect': padding size should be less than the corresponding input dimension, but got padding \(3, 3\) for an input dimension of 3/);
    expect(message(() => new nn.Conv1d(1, 1, 3, { padding: 4, padding_mode: "circular" })(randn([1, 1, 3])))).toMatch(
      /^conv1d\(\): padding_mode='circular': padding value causes wrapping around more than once/);
  });
  it("a misspelt option names the layer and suggests the key", () => {
    expect(message(() => new nn.Conv2d(1, 1, 3, { paddign: 1 } as never))).toMatch(/^nn\.Conv2d\(\) got an unexpected keyword argument 'paddign'\. Did you mean 'padding'\?/);
    expect(message(() => new nn.MaxPool2d(2, { strid: 1 } as never))).toMatch(/^nn\.MaxPool2d\(\) got an unexpected keyword argument 'strid'/);
    expect(message(() => new nn.Dropout2d({ q: 0.1 } as never))).toMatch(/^nn\.Dropout2d\(\) got an unexpected keyword argument 'q'/);
    expect(message(() => new nn.BatchNorm2d(3, { epsilon: 0.1 } as never))).toMatch(/^nn\.BatchNorm2d\(\) got an unexpected keyword argument 'epsilon'/);
  });
});

describe("a PyTorch-style CNN written as a Module subclass", () => {
  // PyTorch's MNIST example, line for line: conv/ReLU/conv/ReLU/max-pool/dropout/linear.
  class Net extends nn.Module {
    conv1 = new nn.Conv2d(1, 4, 3, 1);
    conv2 = new nn.Conv2d(4, 8, 3, 1);
    dropout1 = new nn.Dropout2d(0.25);
    fc1 = new nn.Linear(8 * 5 * 5, 10);
    override forward(x: Tensor): Tensor {
      x = nn.functional.relu(this.conv1(x));
      x = nn.functional.relu(this.conv2(x));
      x = nn.functional.max_pool2d(x, 2);
      x = this.dropout1(x);
      return nn.functional.log_softmax(this.fc1(x.flatten(1)), 1);
    }
  }
  it("registers PyTorch's parameter names and learns a fixed batch", () => {
    manual_seed(0);
    const net = new Net();
    expect(Object.keys(net.state_dict())).toEqual(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias"]);
    const x = randn([16, 1, 14, 14]);
    const y = randn([16, 10]).argmax(1);
    const loss = () => nn.functional.nll_loss(net(x), y);
    const first = loss().itemSync();
    for (let i = 0; i < 20; i++) {
      net.zero_grad();
      loss().backward();
      no_grad(() => { for (const p of net.parameters()) p.sub_(p.grad!.mul(0.1)); });
    }
    net.eval();
    expect(loss().itemSync()).toBeLessThan(first * 0.5);
  });
});

describe("outputs are laid out as PyTorch's (contiguous), so a user's .view(N, -1) works", () => {
  const F = nn.functional;
  const x = randn([2, 4, 6, 6]);
  const cases: [string, () => Tensor][] = [
    ["conv2d", () => F.conv2d(x, randn([3, 4, 3, 3]))],
    ["conv2d with bias and groups", () => F.conv2d(x, randn([6, 2, 3, 3]), randn([6]), 1, 1, 1, 2)],
    ["conv1d", () => F.conv1d(x.flatten(2), randn([3, 4, 5]))],
    ["conv_transpose2d", () => F.conv_transpose2d(x, randn([4, 2, 3, 3]), null, 2)],
    ["conv_transpose2d with bias", () => F.conv_transpose2d(x, randn([4, 2, 3, 3]), randn([2]))],
    ["max_pool2d", () => F.max_pool2d(x, 2)],
    ["avg_pool2d", () => F.avg_pool2d(x, 3, 1, 1)],
    ["adaptive_avg_pool2d", () => F.adaptive_avg_pool2d(x, [4, 5])],
    ["interpolate (nearest)", () => F.interpolate(x, { scale_factor: 2 })],
    ["interpolate (bilinear)", () => F.interpolate(x, { size: [3, 9], mode: "bilinear" })],
    ["unfold", () => F.unfold(x, 2)],
    ["fold", () => F.fold(randn([2, 8, 25]), [6, 6], 2)],
  ];
  for (const [name, f] of cases)
    it(name, () => {
      const y = f();
      expect(y.is_contiguous()).toBe(true);
      expect(y.view([y.shape[0]!, -1]).shape).toEqual([y.shape[0]!, y.numel() / y.shape[0]!]);
    });
});
