// What the WebGPU device adds to the shared suites: asynchronous-only reads, float64 refused,
// kernel faults reported by the next read, pooled buffers, and big shapes.
import { inspect } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import "@flambeau/backend-cpu";
import * as torch from "flambeau";
import { init, is_available, is_initialized, pool_stats, webgpu } from "@flambeau/backend-webgpu";
import { createContext } from "../src/device.js";

beforeAll(async () => {
  await init();
});

const dev = { device: "webgpu" } as const;

describe("webgpu device", () => {
  it("initialises on a real adapter", async () => {
    expect(await is_available()).toBe(true);
    expect(is_initialized()).toBe(true);
    expect(webgpu.adapterDescription).not.toBe("(not initialised)");
  });

  it("without an adapter, init fails saying how to fall back to the CPU", async () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, "navigator");
    Object.defineProperty(globalThis, "navigator", { value: { gpu: { requestAdapter: async () => null } }, configurable: true });
    try {
      await expect(createContext()).rejects.toThrow(/no GPU adapter was found.*torch\.device\("cpu"\)/);
    } finally {
      if (had) Object.defineProperty(globalThis, "navigator", had);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it("reads asynchronously only: dataSync() names await data()", async () => {
    const t = torch.tensor([1.5, -2], dev);
    expect(() => t.dataSync()).toThrow(/await tensor.data\(\)/);
    expect(Array.from(await t.data())).toEqual([1.5, -2]);
    expect(await torch.tensor([true, false], dev).tolist()).toEqual([true, false]);
  });

  it("prints (console.log) a placeholder naming shape, dtype and device instead of throwing", () => {
    const t = torch.tensor([1.5, -2], { ...dev, requires_grad: true });
    const want = "tensor(<data on device 'webgpu': use await t.data() to read>, device='webgpu',\n       size=(2,), requires_grad=True)";
    expect(String(t)).toBe(want);
    expect(inspect(t)).toBe(want);
  });

  it("refuses float64 with a clear error", () => {
    expect(() => torch.zeros([2], { ...dev, dtype: "float64" })).toThrow(/webgpu.*float64/);
    expect(() => torch.zeros([2], dev).to("float64")).toThrow(/float64/);
  });

  it("reports a kernel's out-of-range index at the next read, then recovers", async () => {
    const x = torch.arange(0, 3, { dtype: "float32", device: "webgpu" });
    const bad = x.index_select(0, torch.tensor([0, 7], { ...dev, dtype: "int32" }));
    await expect(bad.data()).rejects.toThrow("index 7 is out of bounds for dimension 0 with size 3");
    expect(Array.from(await x.data())).toEqual([0, 1, 2]);
  });

  it("turns a WebGPU validation error into a failed read instead of stale values", async () => {
    const device = webgpu.context!.device;
    device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE }); // an invalid usage
    await new Promise((r) => setTimeout(r, 50)); // the error event is asynchronous
    await expect(torch.ones([2], dev).data()).rejects.toThrow(/webgpu:/);
    expect(Array.from(await torch.ones([2], dev).data())).toEqual([1, 1]);
  });

  it("reports an integer division by zero at the next read", async () => {
    const q = torch.tensor([3, 4], { ...dev, dtype: "int32" }).floor_divide(torch.tensor([1, 0], { ...dev, dtype: "int32" }));
    await expect(q.data()).rejects.toThrow(/ZeroDivisionError/);
  });

  it("indexes with negative indices and refuses a device mask without reading it", async () => {
    const x = torch.arange(0, 5, { dtype: "float32", device: "webgpu" });
    expect(Array.from(await x.index([-1, 0]).data())).toEqual([4, 0]);
    const mask = x.gt(2);
    expect(() => x.index(mask)).toThrow(/toAsync\("cpu"\)/);
    expect(Array.from(await x.index(await mask.toAsync("cpu")).data())).toEqual([3, 4]);
  });

  it("reuses pooled buffers instead of allocating new ones", async () => {
    const x = torch.ones([1000], dev);
    const step = () => {
      const y = x.mul(2);
      y.add(1).dispose();
      y.dispose();
    };
    for (let i = 0; i < 10; i++) step();
    await x.sum().item();
    const before = pool_stats().buffers;
    for (let i = 0; i < 1000; i++) step(); // freed buffers are reused within a batch, too
    await x.sum().item();
    expect(pool_stats().buffers).toBeLessThanOrEqual(before + 2); // + the uncollected results of sum()
  });

  it("handles more than 65535 workgroups and large reductions", async () => {
    const n = 1 << 24; // 65536 workgroups of 256
    const x = torch.ones([n], dev);
    expect(await x.sum().item()).toBe(n);
    expect(await x.add(1).amax().item()).toBe(2);
  }, 60_000);

  it("multiplies batched, broadcast, transposed and int32 matrices as the CPU does", async () => {
    torch.manual_seed(1);
    const a = torch.randn([3, 70, 45]), b = torch.randn([45, 130]);
    const want = a.matmul(b).dataSync();
    const got = await a.to("webgpu").matmul(b.to("webgpu")).data();
    expect(Math.max(...want.map((w, i) => Math.abs(w - got[i]!)))).toBeLessThan(1e-4);
    const i = torch.randint(-50, 50, [130, 67], { dtype: "int32" });
    expect(Array.from(await i.to("webgpu").t().matmul(i.to("webgpu")).data())).toEqual(Array.from(i.t().matmul(i).dataSync()));
  });
});
