import { describe, expect, it } from "vitest";
import { CpuBackend } from "../src/cpu-backend.js";
import { arr, cpu } from "./helpers.js";

describe("CpuBackend buffers", () => {
  it("describes itself", () => {
    expect(cpu.name).toBe("cpu");
    expect(cpu.canReadSync).toBe(true);
    for (const d of ["float32", "float64", "int32", "bool"] as const) expect(cpu.supportsDType(d)).toBe(true);
  });

  it("keeps owned uploads and copies the others", () => {
    const data = new Float32Array([1, 2, 3]);
    expect(cpu.upload(data, "float32", true)).toBe(data);
    const copy = cpu.upload(data, "float32", false) as Float32Array;
    expect(copy).not.toBe(data);
    data[0] = 9;
    expect(Array.from(copy)).toEqual([1, 2, 3]);
  });

  it("casts uploads of another array type", () => {
    const out = cpu.upload(new Float32Array([0.5, 0, -2]), "bool", true);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(arr(out)).toEqual([1, 0, 1]);
    expect(arr(cpu.upload(new Float64Array([2.9]), "int32", true))).toEqual([2]);
  });

  it("fills with a cast value", () => {
    expect(arr(cpu.full(3, 2.5, "float32"))).toEqual([2.5, 2.5, 2.5]);
    expect(arr(cpu.full(2, -2.5, "int32"))).toEqual([-2, -2]);
    expect(arr(cpu.full(2, 0.5, "bool"))).toEqual([1, 1]);
    expect(arr(cpu.full(2, NaN, "bool"))).toEqual([1, 1]);
    expect(arr(cpu.full(2, 0, "float64"))).toEqual([0, 0]);
    expect(cpu.full(0, 1, "float32")).toBeInstanceOf(Float32Array);
  });

  it("reads a copy of the first elements, synchronously or not", async () => {
    const buf = new Int32Array([1, 2, 3, 4]);
    const sync = cpu.readSync(buf, "int32", 3);
    expect(Array.from(sync)).toEqual([1, 2, 3]);
    (sync as Int32Array)[0] = 99;
    expect(buf[0]).toBe(1);
    expect(Array.from(await cpu.read(buf, "int32", 2))).toEqual([1, 2]);
    cpu.free(buf); // a no-op: the data stays readable
    expect(buf[3]).toBe(4);
  });
});

describe("package entry", () => {
  it("registers one CpuBackend as device 'cpu'", async () => {
    const entry = await import("../src/index.js");
    const tensor = await import("@flambeau/tensor/internal");
    expect(entry.cpu).toBeInstanceOf(CpuBackend);
    expect(tensor.getBackend("cpu")).toBe(entry.cpu);
  });
});
