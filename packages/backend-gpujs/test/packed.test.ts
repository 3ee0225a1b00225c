// On headless-gl (WebGL 1) every kernel stores its results four float32 to an RGBA32F texel
// (gpu.js's optimizeFloatMemory), not one: a quarter of the texture memory, with the same values.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { mode, textureStats } from "@flambeau/backend-gpujs";
import type { GLBuffer } from "../src/buffer.js";

const dev = { device: "gpujs" } as const;

/** The gpu.js texture behind a tensor made on the device. */
function textureOf(t: torch.Tensor): { size: ArrayLike<number>; type: string } {
  const data = (t as unknown as { _storage: { buffer: GLBuffer } })._storage.buffer.data;
  return data as unknown as { size: ArrayLike<number>; type: string };
}

describe("gpujs packs four float32 to a texel on headless-gl", () => {
  it("runs on headless-gl", () => expect(mode()).toBe("headlessgl"));

  it("stores a 1000-element result in 255 texels of 16 bytes (4.08 bytes an element)", () => {
    const x = torch.arange(1000, dev).float();
    x.neg();
    torch.backends.gpujs.empty_cache(); // no pooled texture to render into: each result allocates
    const before = textureStats().bytes;
    // Each result is held, so the kernel renders each run into a new texture.
    const ys = Array.from({ length: 10 }, () => x.neg());
    const grew = textureStats().bytes - before;
    const t = textureOf(ys[9]!);
    expect(t.type).toBe("MemoryOptimizedNumberTexture");
    // ceil(1000 / 4) = 250 texels, laid out by gpu.js as 17 x 15 (unpacked: 33 x 31 = 1,023).
    expect([t.size[0], t.size[1]]).toEqual([17, 15]);
    expect(grew).toBe(10 * 255 * 16);
    for (const y of ys) expect(Array.from(y.dataSync())).toEqual(Array.from({ length: 1000 }, (_, i) => -i));
  });

  it("keeps every float32 bit pattern it stores, at lengths that are not multiples of 4", () => {
    const special = [0, -0, 1, -1, NaN, Infinity, -Infinity, 2 ** 24, -(2 ** 24), 3.4028234663852886e38, 1.1754943508222875e-38, Math.fround(Math.PI)];
    for (const n of [1, 2, 3, 4, 5, 7, 13, 1001, 4097]) {
      const values = new Float32Array(n);
      for (let i = 0; i < n; i++) values[i] = i < special.length ? special[i]! : Math.fround(Math.sin(i) * 1000);
      const x = torch.tensor(values, dev);
      expect(x.dataSync(), `n = ${n}`).toEqual(values);
      // Through a kernel that reads a packed texture at strided positions (every other element, reversed).
      const y = x.flip(0).contiguous();
      expect(y.dataSync(), `flip, n = ${n}`).toEqual(values.slice().reverse());
      const even = x.index("::2").contiguous();
      expect(even.dataSync(), `step 2, n = ${n}`).toEqual(values.filter((_, i) => i % 2 === 0));
    }
  });

  it("holds int32 and bool exactly, packed", () => {
    const ints = new Int32Array([0, 1, -1, 2 ** 24, -(2 ** 24), 12345, -777, 99, 2 ** 23 - 1]);
    const i = torch.tensor(ints, { ...dev, dtype: "int32" });
    expect(textureOf(i).type).toBe("MemoryOptimizedNumberTexture");
    expect(i.dataSync()).toEqual(ints);
    const small = i.index("2:").clamp(-(2 ** 22), 2 ** 22);
    const cpu = torch.tensor(ints, { dtype: "int32" }).index("2:").clamp(-(2 ** 22), 2 ** 22);
    expect(small.mul(2).sub(1).floor_divide(3).dataSync()).toEqual(cpu.mul(2).sub(1).floor_divide(3).dataSync());
    const b = i.gt(0);
    expect(textureOf(b).type).toBe("MemoryOptimizedNumberTexture");
    expect(Array.from(b.dataSync())).toEqual(Array.from(ints, (v) => (v > 0 ? 1 : 0)));
  });

  it("reads packed operands through broadcasts and transposes as the CPU does", () => {
    torch.manual_seed(3);
    const a = torch.randn([7, 5]);
    const b = torch.randn([5]);
    const ga = a.to("gpujs");
    const gb = b.to("gpujs");
    expect(ga.t().contiguous().dataSync()).toEqual(a.t().contiguous().dataSync());
    expect(ga.add(gb).dataSync()).toEqual(a.add(b).dataSync());
    const sums = ga.sum(0).dataSync();
    a.sum(0).dataSync().forEach((v, j) => expect(Math.abs(sums[j]! - v)).toBeLessThan(1e-5));
    expect(ga.max(1).values.dataSync()).toEqual(a.max(1).values.dataSync());
  });

  it("feeds the packed matmul's four-wide textures (not packed further) and its packed result", () => {
    torch.manual_seed(4);
    const a = torch.randn([33, 70]);
    const b = torch.randn([70, 45]);
    const c = a.to("gpujs").matmul(b.to("gpujs")); // 33 * 45 * 70 multiply-adds: the packed kernels
    expect(textureOf(c).type).toBe("MemoryOptimizedNumberTexture");
    const want = a.matmul(b).dataSync();
    const got = c.dataSync();
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-3);
  });

  it("counts the pool's textures at the bytes they take", () => {
    const x = torch.ones([998], dev);
    x.neg();
    torch.backends.gpujs.empty_cache();
    const start = textureStats();
    const ys = Array.from({ length: 8 }, () => x.neg());
    for (const y of ys) y.dispose();
    const end = textureStats();
    // 998 elements: 250 texels of 16 bytes, laid out as 17 x 15 = 255. The kernel keeps its last output.
    expect(end.pooled - start.pooled).toBe(7);
    expect(end.pooledBytes - start.pooledBytes).toBe(7 * 255 * 16);
    expect(end.bytes - start.bytes).toBe(8 * 255 * 16);
  });
});
