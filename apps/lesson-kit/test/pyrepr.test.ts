import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { ndarrayRepr, ndarrayStr, pformat, pyFloat, repr, str } from "@flambeau/lesson-kit";

describe("Python's printed forms", () => {
  it("floats as Python's repr writes them", () => {
    expect(pyFloat(3012.601318359375)).toBe("3012.601318359375");
    expect(pyFloat(0.0001)).toBe("0.0001");
    expect(pyFloat(0.00001)).toBe("1e-05");
    expect(pyFloat(1.5e-7)).toBe("1.5e-07");
    expect(pyFloat(1.5e16 + 2)).toBe("1.5000000000000002e+16");
    expect(pyFloat(NaN)).toBe("nan");
    expect(pyFloat(-Infinity)).toBe("-inf");
    expect(pyFloat(42)).toBe("42");
  });

  it("lists, dicts, booleans and None", () => {
    expect(str([1, 2.5, "a", true, null])).toBe("[1, 2.5, 'a', True, None]");
    expect(str({ w: 0.3, b: "it's" })).toBe(`{'w': 0.3, 'b': "it's"}`);
    expect(str("plain")).toBe("plain");
    expect(repr("plain")).toBe("'plain'");
  });

  it("tensors as PyTorch prints them", () => {
    const t = torch.tensor([[73, 67, 43], [91, 88, 64]], { dtype: "float32" });
    expect(str(t)).toBe("tensor([[73., 67., 43.],\n        [91., 88., 64.]])");
    expect(str([t.index(0)])).toBe("[tensor([73., 67., 43.])]");
  });

  it("typed arrays as NumPy arrays", () => {
    expect(ndarrayRepr(Int32Array.of(0, 1, 2, 10))).toBe("array([ 0,  1,  2, 10])");
    expect(ndarrayRepr(Float64Array.of(1.5, 2.25, 3))).toBe("array([1.5 , 2.25, 3.  ])");
    expect(ndarrayStr(Float64Array.of(1.5, 2.25, 3))).toBe("[1.5  2.25 3.  ]");
    expect(ndarrayRepr(Float32Array.of(29.5))).toBe("array([29.5], dtype=float32)");
    expect(ndarrayStr(Float32Array.of(0.5930457, -1.066257))).toBe("[ 0.5930457 -1.066257 ]");
    const m = Object.assign(Float64Array.of(1, 2, 3, 4), { shape: [2, 2] });
    expect(ndarrayRepr(m)).toBe("array([[1., 2.],\n       [3., 4.]])");
  });

  it("pprint of lesson 1's small dataset, character for character", () => {
    const y = Float64Array.of(10.271320643266746, 11.0207519493594, 13.133648234926275, 14.748803882538612,
      15.998507012302591, 17.224796645530848, 18.698062864759624, 20.76053071219896, 21.669110836562535, 23.08833981417401);
    const x = Int32Array.from({ length: 10 }, (_, i) => i);
    expect(pformat({ x, y, true_m: 1.5, true_b: 10 })).toBe(
      [
        "{'true_b': 10,",
        " 'true_m': 1.5,",
        " 'x': array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),",
        " 'y': array([10.27132064, 11.02075195, 13.13364823, 14.74880388, 15.99850701,",
        "       17.22479665, 18.69806286, 20.76053071, 21.66911084, 23.08833981])}",
      ].join("\n"),
    );
  });

  it("short values stay on one line", () => {
    expect(pformat({ b: 2, a: [1, 2] })).toBe("{'a': [1, 2], 'b': 2}");
  });
});
