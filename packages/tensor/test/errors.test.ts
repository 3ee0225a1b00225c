import { describe, expect, it } from "vitest";
import { broadcastMismatch, broadcastShapes, check, dtypeNotSupported, indexOutOfBounds } from "@flambeau/tensor/internal";

describe("check", () => {
  it("throws the given class with the message, and Error by default", () => {
    expect(() => check(false, () => "bad value")).toThrow(new Error("bad value"));
    for (const Class of [TypeError, RangeError]) {
      let error: unknown = null;
      try {
        check(0, () => "wrong kind", Class);
      } catch (e) {
        error = e;
      }
      expect((error as Error).constructor).toBe(Class);
      expect((error as Error).message).toBe("wrong kind");
    }
  });

  it("builds the message only when the check fails", () => {
    let built = 0;
    const message = () => `built ${++built}`;
    check(true, message);
    check(1, message, TypeError);
    expect(built).toBe(0);
    expect(() => check(null, message)).toThrow("built 1");
  });
});

describe("factories", () => {
  it("name the op where there is one", () => {
    expect(dtypeNotSupported("zeros", "webgpu", "float64").message).toBe(
      "zeros(): the 'webgpu' device does not support dtype float64; use float32, or the CPU for float64",
    );
    expect(dtypeNotSupported(null, "gpujs", "int32").message).toBe("The 'gpujs' device does not support dtype int32");
    const e = indexOutOfBounds("gather", 7, 0, 3);
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe("gather(): index 7 is out of bounds for dimension 0 with size 3");
    expect(indexOutOfBounds(null, 2, 1, 2).message).toBe("index 2 is out of bounds for dimension 1 with size 2");
    expect(broadcastMismatch("add", [2, 3], [4]).message).toBe(
      "add: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1 (shapes [2, 3] and [4])",
    );
    expect(() => broadcastShapes([5, 1], [1, 2], [3, 1])).toThrow(
      new Error("The size of tensor a (5) must match the size of tensor b (3) at non-singleton dimension 0 (shapes [5, 2] and [3, 1])"),
    );
  });
});
