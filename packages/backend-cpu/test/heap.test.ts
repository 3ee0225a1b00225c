// The block allocator of the kernels' WebAssembly memory (src/wasm/heap.ts): freed blocks are
// reused by size, neighbours merge when a size runs out, and the tensor budget is a hard limit.
import { describe, expect, it } from "vitest";
import { Heap } from "../src/wasm/heap.js";

const KiB = 1024;

function heap(budget = 1 << 20): { h: Heap; memory: WebAssembly.Memory } {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 64 });
  return { h: new Heap(memory, 256, budget), memory };
}

describe("the WebAssembly memory's heap", () => {
  it("hands a freed block of a size to the next request of that size, without growing", () => {
    const { h, memory } = heap();
    const a = h.alloc(100 * KiB, true);
    const b = h.alloc(100 * KiB, true);
    expect(a).toBeGreaterThanOrEqual(256);
    expect(b).toBeGreaterThanOrEqual(a + 100 * KiB);
    const size = memory.buffer.byteLength;
    h.release(a, 100 * KiB, true);
    expect(h.alloc(100 * KiB, true)).toBe(a);
    expect(memory.buffer.byteLength).toBe(size);
    expect(a % 64).toBe(0);
  });

  it("merges neighbouring free blocks and splits the best fit when no block of the size is free", () => {
    const { h } = heap();
    const blocks = [0, 1, 2, 3].map(() => h.alloc(10 * KiB, true));
    const guard = h.alloc(KiB, true); // keeps the four from merging into the top
    for (const at of blocks) h.release(at, 10 * KiB, true);
    const big = h.alloc(30 * KiB, true);
    expect(big).toBe(blocks[0]);
    // What the split left over serves a small request next, still below the guard.
    const small = h.alloc(4 * KiB, true);
    expect(small).toBeGreaterThan(big);
    expect(small).toBeLessThan(guard);
  });

  it("refuses tensors past its budget, frees restore it, and scratch blocks do not count", () => {
    const { h } = heap(64 * KiB);
    const a = h.alloc(40 * KiB, true);
    expect(a).toBeGreaterThan(0);
    expect(h.alloc(40 * KiB, true)).toBe(-1);
    expect(h.alloc(40 * KiB, false)).toBeGreaterThan(0);
    h.release(a, 40 * KiB, true);
    expect(h.tensorBytes).toBe(0);
    expect(h.alloc(40 * KiB, true)).toBe(a);
  });

  it("answers -1 instead of throwing when the memory is at its maximum", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const h = new Heap(memory, 256, 1 << 30);
    expect(h.alloc(100 * KiB, true)).toBeGreaterThan(0);
    expect(h.alloc(100 * KiB, true)).toBe(-1);
  });
});
