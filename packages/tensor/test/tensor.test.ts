import { describe, expect, it } from "vitest";
import { readFixture } from "@flambeau/test-kit/fixtures";
import * as torch from "flambeau";
import { getBackend, registerBackend, type Backend, type BackendBuffer } from "@flambeau/tensor/internal";
import type { DType } from "@flambeau/tensor";

interface Encoded { shape: number[]; dtype: string; data: number[] }
const fx = readFixture<{
  creation: Record<string, Encoded>;
  promotion: Record<string, string>;
  indexing: Record<string, Encoded>;
}>("creation.json");
const dtypeOf = (e: Encoded) => (e.dtype === "int64" ? "int32" : e.dtype);

function expectTensor(t: torch.Tensor, e: Encoded): void {
  expect(t.shape).toEqual(e.shape);
  expect(t.dtype).toBe(dtypeOf(e));
  const got = Array.from(t.dataSync());
  e.data.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
  expect(got.length).toBe(e.data.length);
}

describe("creation", () => {
  it.each([
    ["arange_5", () => torch.arange(5)],
    ["arange_1_4_0.5", () => torch.arange(1, 4, 0.5)],
    ["arange_10_0_-3", () => torch.arange(10, 0, -3)],
    ["arange_0_1_0.1", () => torch.arange(0, 1, 0.1)],
    ["linspace_0_1_5", () => torch.linspace(0, 1, 5)],
    ["linspace_-3_7_11", () => torch.linspace(-3, 7, 11)],
    ["linspace_0_1_7", () => torch.linspace(0, 1, 7)],
    ["eye_3", () => torch.eye(3)],
    ["eye_2_4", () => torch.eye(2, 4)],
    ["full_2x2_7", () => torch.full([2, 2], 7)],
    ["full_2_1.5", () => torch.full([2], 1.5)],
  ])("%s matches PyTorch", (name, make) => expectTensor(make(), fx.creation[name]!));

  it("infers dtypes from nested arrays like torch.tensor", () => {
    expect(torch.tensor([1, 2]).dtype).toBe("int32");
    expect(torch.tensor([1, 2.5]).dtype).toBe("float32");
    expect(torch.tensor([true, false]).dtype).toBe("bool");
    expect(torch.tensor(3.5).shape).toEqual([]);
    expect(torch.tensor([[1, 2], [3, 4]], { dtype: "float64" }).dtype).toBe("float64");
  });

  it("rejects ragged nested arrays", () => {
    expect(() => torch.tensor([[1, 2], [3]])).toThrow("expected sequence of length 2 at dim 1 (got 1)");
  });

  it("accepts PyTorch's variadic and array sizes", () => {
    expect(torch.zeros(2, 3).shape).toEqual([2, 3]);
    expect(torch.ones([4], { dtype: "int32" }).dtype).toBe("int32");
    expect(torch.zeros_like(torch.ones([2, 2], { dtype: "float64" })).dtype).toBe("float64");
    expect(() => torch.zeros(-1)).toThrow("negative dimension");
  });

  it("from() shares memory with the typed array on the CPU", () => {
    const data = new Float32Array([1, 2, 3, 4]);
    const t = torch.from(data, [2, 2]);
    data[0] = 10;
    expect(t.index(0, 0).itemSync()).toBe(10);
    t.index(1).fill_(7);
    expect(Array.from(data)).toEqual([10, 2, 7, 7]);
  });
});

describe("type promotion follows PyTorch", () => {
  const i = torch.tensor([1, 2]), f = torch.tensor([1.0, 2.0], { dtype: "float32" });
  const d = torch.tensor([1.0, 2.0], { dtype: "float64" }), b = torch.tensor([true, false]);
  const l = torch.tensor([1, 2], { dtype: torch.int64 });
  const cases: Record<string, () => torch.Tensor> = {
    "int+float_scalar": () => i.add(1.5),
    "int+int_scalar": () => i.add(1),
    "int/int": () => i.div(i),
    "bool+bool": () => b.add(b),
    "bool+int_scalar": () => b.add(1),
    "bool*float_scalar": () => b.mul(2.5),
    "float32+float64": () => f.add(d),
    "float32+float64_0d": () => f.add(torch.tensor(1.0, { dtype: "float64" })),
    "int+float32_0d": () => i.add(torch.tensor(1.0, { dtype: "float32" })),
    "int+float64_0d": () => i.add(torch.tensor(1.0, { dtype: "float64" })),
    "float32+int": () => f.add(i),
    "int.sum": () => i.sum(),
    "bool.sum": () => b.sum(),
    "int32.prod": () => i.prod(),
    "int32.cumsum": () => i.cumsum(0),
    "int64+int32": () => l.add(i),
    "int64+float_scalar": () => l.add(1.5),
    "int64/int64": () => l.div(l),
    "int64<int32": () => l.lt(i),
    "int64.sum": () => l.sum(),
    "int64*bool": () => l.mul(b),
    "int<float": () => i.lt(f),
    "int.float_scalar_pow": () => i.pow(2.5),
  };
  for (const [name, make] of Object.entries(cases))
    it(name, () => expect(make().dtype).toBe(fx.promotion[name]));
});

describe("indexing and views", () => {
  const x = torch.arange(24, { dtype: "float32" }).reshape(2, 3, 4);
  const cases: Record<string, () => torch.Tensor> = {
    "x[0]": () => x.index(0),
    "x[:, 1]": () => x.index(":", 1),
    "x[-1, ::2]": () => x.index(-1, "::2"),
    "x[..., 1:3]": () => x.index("...", "1:3"),
    "x[:, None, -1]": () => x.index(":", null, -1),
    "x[0, 1:, ::3]": () => x.index(0, "1:", "::3"),
    "x[1, -2:, 3]": () => x.index(1, "-2:", 3),
    "x[:, [2, 0]]": () => x.index(":", [2, 0]),
    "x[:, :, -10:2]": () => x.index(":", ":", "-10:2"),
  };
  for (const [name, make] of Object.entries(cases)) it(name, () => expectTensor(make(), fx.indexing[name]!));

  it("basic indexing returns views that share memory", () => {
    const y = torch.zeros(3, 4);
    const col = y.index(":", 1);
    col.fill_(5);
    expect(y.sum().itemSync()).toBe(15);
    expect(col._base).toBe(y);
    const tr = y.t();
    expect(tr.is_contiguous()).toBe(false);
    expect(tr.contiguous().is_contiguous()).toBe(true);
  });

  it("view refuses incompatible strides and reshape copies instead", () => {
    const t = torch.arange(6).reshape(2, 3).t();
    expect(() => t.view(6)).toThrow("Use .reshape(...) instead");
    expect(Array.from(t.reshape(6).dataSync())).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it("setIndex writes into the window only", () => {
    const y = torch.zeros(2, 3);
    y.setIndex([":", 0], 1);
    y.setIndex([1, "1:"], torch.tensor([7, 8]));
    expect(y.tolistSync()).toEqual([[1, 0, 0], [1, 7, 8]]);
  });

  it("rejects out-of-range indices with PyTorch's message", () => {
    expect(() => x.index(2)).toThrow("index 2 is out of bounds for dimension 0 with size 2");
    expect(() => x.index(0, 0, 0, 0)).toThrow("too many indices for tensor of dimension 3");
  });
});

describe("in-place ops", () => {
  it("bump the version counter and keep identity", () => {
    const a = torch.ones(3);
    const v = a._version;
    expect(a.add_(1)).toBe(a);
    expect(a._version).toBe(v + 1);
    expect(Array.from(a.dataSync())).toEqual([2, 2, 2]);
  });

  it("refuse results that cannot be cast back, changing nothing", () => {
    const a = torch.tensor([1, 2]);
    expect(() => a.add_(1.5)).toThrow("result type Float can't be cast to the desired output type Int");
    expect(Array.from(a.dataSync())).toEqual([1, 2]);
  });

  it("refuse results that do not fit the target's shape", () => {
    const a = torch.ones(3);
    expect(() => a.add_(torch.ones(2, 3))).toThrow("output with shape [3] doesn't match the broadcast shape [2, 3]");
  });
});

describe("reading", () => {
  it("reads synchronously and asynchronously", async () => {
    const t = torch.tensor([[1.5, 2], [3, 4]]);
    expect(await t.tolist()).toEqual([[1.5, 2], [3, 4]]);
    expect(t.tolistSync()).toEqual([[1.5, 2], [3, 4]]);
    expect(await t.index(1, 0).item()).toBe(3);
    expect(Array.from(await t.t().data())).toEqual([1.5, 3, 2, 4]);
    expect(torch.tensor([true, false]).tolistSync()).toEqual([true, false]);
  });

  it("item() refuses tensors of more than one element", () => {
    expect(() => torch.ones(2).itemSync()).toThrow("a Tensor with 2 elements cannot be converted to Scalar");
  });
});

describe("devices", () => {
  it("names the device of every tensor and fails across devices with PyTorch's message", () => {
    const cpu = getBackend("cpu");
    // A second device backed by the CPU kernels, to exercise the cross-device check.
    registerBackend(Object.create(cpu, { name: { value: "other" } }) as Backend, -1);
    const a = torch.ones(2), b = torch.ones(2, { device: "other" });
    expect(a.device.toString()).toBe("cpu");
    expect(b.device.type).toBe("other");
    expect(() => a.add(b)).toThrow("Expected all tensors to be on the same device, but found at least two devices, cpu and other!");
    expect(Array.from(b.to("cpu").add(a).dataSync())).toEqual([2, 2]);
  });

  it("get_default_device is the CPU whenever it is registered, whatever the priorities, until set_default_device", () => {
    registerBackend(Object.create(getBackend("cpu"), { name: { value: "eager" } }) as Backend, 5);
    expect(torch.get_default_device().type).toBe("cpu");
    torch.set_default_device("eager");
    try {
      expect(torch.get_default_device().type).toBe("eager");
      expect(torch.ones(2).device.type).toBe("eager");
    } finally {
      torch.set_default_device(null);
    }
    expect(torch.ones(2).device.type).toBe("cpu");
  });

  it("can_read_sync answers whether dataSync() reads, for a tensor or a device", async () => {
    const cpu = getBackend("cpu");
    // A device whose reads are asynchronous, as WebGPU's are.
    const read = (buffer: BackendBuffer, dtype: DType, size: number) => Promise.resolve(cpu.readSync!(buffer, dtype, size));
    const later = { name: { value: "later" }, canReadSync: { value: false }, readSync: { value: undefined }, read: { value: read } };
    registerBackend(Object.create(cpu, later) as Backend, -1);
    const a = torch.ones(2), b = torch.ones(2, { device: "later" });
    expect([torch.can_read_sync(a), torch.can_read_sync("cpu"), torch.can_read_sync(torch.device("cpu"))]).toEqual([true, true, true]);
    expect([torch.can_read_sync(b), torch.can_read_sync("later"), torch.can_read_sync(b.device)]).toEqual([false, false, false]);
    expect(Array.from(a.dataSync())).toEqual([1, 1]);
    expect(() => b.dataSync()).toThrow("cannot do (its reads are asynchronous)");
    expect(Array.from(await b.data())).toEqual([1, 1]);
    expect(() => torch.can_read_sync("nowhere")).toThrow("No backend is registered for device 'nowhere'");
  });
});

describe("from_numpy", () => {
  it("keeps the shape and dtype of a NumPy-style array and shares its memory", () => {
    torch.np.random.seed(0);
    const arr = torch.np.random.rand(2, 3);
    const t = torch.from_numpy(arr);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe("float64");
    arr[0] = 42;
    expect(t.index(0, 0).itemSync()).toBe(42);
  });

  it("refuses what it cannot share: NumPy's int64 (BigInt64Array) and non-arrays, naming the copy to make", () => {
    expect(() => torch.from_numpy(new BigInt64Array([1n, 2n]) as never)).toThrow(TypeError);
    expect(() => torch.from_numpy(new BigInt64Array([1n]) as never)).toThrow('copy it instead: torch.tensor(Array.from(array, Number), { dtype: "int64" })');
    expect(() => torch.from_numpy([1, 2] as never)).toThrow("from_numpy(): expected a typed array");
    expect(() => torch.from(null as never)).toThrow("from(): expected a typed array");
    const big = new BigInt64Array([5000000000n, -3n]);
    const copy = torch.tensor(Array.from(big, Number), { dtype: "int64" });
    expect(copy.dtype).toBe("int64");
    expect(Array.from(copy.dataSync())).toEqual([5000000000, -3]);
  });
});

describe("numpy() of an int64 tensor", () => {
  it("is a Float64Array sharing the tensor's memory, exact past int32, convertible to BigInt64Array", () => {
    const x = torch.tensor([5000000000, -7], { dtype: "int64" });
    const a = x.numpy();
    expect(a).toBeInstanceOf(Float64Array);
    expect(Array.from(a)).toEqual([5000000000, -7]);
    a[1] = 2 ** 53 - 1; // writes show in the tensor, as PyTorch's numpy() shares memory
    expect(x.index(1).itemSync()).toBe(2 ** 53 - 1);
    expect(Array.from(BigInt64Array.from(x.numpy(), BigInt))).toEqual([5000000000n, 9007199254740991n]);
  });
});
