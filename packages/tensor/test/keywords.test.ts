// The one mechanism that binds PyTorch's keyword arguments (a trailing options object) for every
// op: signature parsing, binding, and the errors a misspelt or doubled keyword gets. The table
// that walks every op's keywords on every backend is in @flambeau/conformance (keywords.ts).
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { KEYWORDS, bindArguments, keywords, methodOf, parseSignature } from "../src/keywords.js";

describe("parseSignature reads PyTorch's notation", () => {
  it("operands before /, defaults mark optional, keyword-only after *", () => {
    expect(parseSignature("sum(input, /, dim=None, keepdim=False, *, dtype=None)")).toEqual({
      op: "sum", operands: ["input"], params: ["dim", "keepdim"], required: [false, false], keywordOnly: ["dtype"], kinds: new Map(),
    });
    expect(parseSignature("linspace(start, end, steps)")).toEqual({
      op: "linspace", operands: [], params: ["start", "end", "steps"], required: [true, true, true], keywordOnly: null, kinds: new Map(),
    });
  });
  it("reads each argument's declared kind, as PyTorch's signatures write it", () => {
    const sig = parseSignature("sum(Tensor input, /, int|int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)");
    expect(sig.params).toEqual(["dim", "keepdim"]);
    expect([...sig.kinds.keys()]).toEqual(["input", "dim", "keepdim", "dtype"]);
    expect(sig.kinds.get("dim")!.text).toBe("int, array of ints or null");
    expect(() => parseSignature("f(Tensr x)")).toThrow("unknown argument kind 'Tensr'");
  });
  it("refuses a malformed signature", () => expect(() => parseSignature("sum")).toThrow(/bad signature 'sum'/));
});

describe("bindArguments", () => {
  const sig = parseSignature("op(x, /, a, b=2, *, c=3)");
  it("moves named parameters into place and gathers keyword-only ones", () => {
    expect(bindArguments(sig, ["X", { a: 1 }])).toEqual(["X", 1]);
    expect(bindArguments(sig, ["X", 1, { b: 5, c: 6 }])).toEqual(["X", 1, 5, { c: 6 }]);
    expect(bindArguments(sig, ["X", { c: 6, a: 0 }])).toEqual(["X", 0, undefined, { c: 6 }]);
  });
  it("treats undefined as left out", () => {
    expect(bindArguments(sig, ["X", 1, undefined, undefined])).toEqual(["X", 1]);
    expect(bindArguments(sig, ["X", { a: 1, b: undefined }])).toEqual(["X", 1]);
  });
  it("names the op, the key and the accepted keys, with a suggestion", () => {
    expect(() => bindArguments(sig, ["X", 1, { bb: 1 }])).toThrow("op() got an unexpected keyword argument 'bb'. Did you mean 'b'? Accepted: 'a', 'b', 'c'");
    expect(() => bindArguments(sig, ["X", 1, { zzz: 1 }])).toThrow(/unexpected keyword argument 'zzz'. Accepted: 'a', 'b', 'c'$/);
    expect(() => bindArguments(sig, ["X", 1, { out: 1 }])).toThrow(/'out': not supported in Flambeau/);
  });
  it("refuses a parameter given twice, too many, or a required one missing", () => {
    expect(() => bindArguments(sig, ["X", 1, { a: 2 }])).toThrow("op() got multiple values for argument 'a'");
    expect(() => bindArguments(sig, ["X", 1, 2, 3])).toThrow("op() takes at most 2 positional arguments after x but 3 were given; pass c in the options object");
    expect(() => bindArguments(sig, ["X", { b: 1 }])).toThrow("op() missing required argument 'a'");
  });
  it("keywords() wraps an implementation and records its signature", () => {
    const f = keywords("f(x, /, a=1, b=2)", (x: number, a = 1, b = 2) => x + 10 * a + 100 * b);
    expect([f(0), f(0, 3), f(0, { b: 3 } as never), f(0, 5, { b: 3 } as never)]).toEqual([210, 230, 310, 350]);
    expect(f.signature.params).toEqual(["a", "b"]);
    expect(KEYWORDS.get("f")).toEqual(["a", "b"]);
  });
});

// A method takes the hot calls (a tensor or number by position) straight to the implementation
// and every other call through the binding: both must give what `torch.<op>(x, ...)` gives.
describe("the method form of a keywords-bound function", () => {
  const calls: unknown[][] = [];
  const f = keywords("f(Tensor input, /, Tensor|Scalar a, Scalar b=2, *, Scalar c=3)", (...args: unknown[]) => (calls.push(args), args.length));
  const method = methodOf(f);
  const x = torch.tensor([1]);
  const call = (...args: unknown[]) => {
    calls.length = 0;
    method.call(x, ...args);
    return calls[0];
  };
  it("passes one or two tensors or numbers by position as they are", () => {
    expect(call(5)).toEqual([x, 5]);
    expect(call(x, 7)).toEqual([x, x, 7]);
  });
  it("binds and checks every other call as the function does", () => {
    expect(call(5, { c: 1 })).toEqual([x, 5, undefined, { c: 1 }]);
    expect(call({ a: 4 })).toEqual([x, 4]);
    calls.length = 0;
    f(x as never, 5 as never, undefined as never);
    const asFunction = calls[0];
    expect(call(5, undefined)).toEqual(asFunction);
    expect(() => call()).toThrow("f() missing required argument 'a'");
    expect(() => call("5")).toThrow(TypeError);
    expect(() => call(5, x)).toThrow(TypeError); // b is a Scalar
    expect(() => call(5, 2, 3)).toThrow("f() takes at most 2 positional arguments");
  });
  it("is what Tensor's methods are: x.mul(y), x.add(y), x.sum(), x.pow(2)", () => {
    const y = torch.tensor([2, 3]);
    expect(y.mul(2).tolistSync()).toEqual(torch.mul(y, 2).tolistSync());
    expect(y.add(y, { alpha: 2 }).tolistSync()).toEqual([6, 9]);
    expect(y.sum().itemSync()).toBe(5);
    expect(y.pow(2).tolistSync()).toEqual([4, 9]);
    expect(() => y.mul("2" as never)).toThrow(/^mul\(\): argument 'other'/);
    expect(() => y.sum({ dims: 0 } as never)).toThrow("sum() got an unexpected keyword argument 'dims'. Did you mean 'dim'?");
  });
  it("is refused for a function keywords() did not bind", () => expect(() => methodOf(() => 0)).toThrow(/not a function bound by keywords/));
});

// The calls issue 12 found broken or silently ignored, each against its positional form (whose
// values the op conformance suite checks against PyTorch).
describe("the reported calls", () => {
  const x = torch.tensor([[1.5, -2], [3, 0.25]]);
  const same = (a: torch.Tensor, b: torch.Tensor) => {
    expect(a.shape).toEqual(b.shape);
    expect(a.dtype).toBe(b.dtype);
    expect(a.tolistSync()).toEqual(b.tolistSync());
  };
  it("cat, stack, argmax, sum, softmax with { dim }", () => {
    same(torch.cat([x, x], { dim: 1 }), torch.cat([x, x], 1));
    same(torch.stack([x, x], { dim: 1 }), torch.stack([x, x], 1));
    same(x.argmax({ dim: 1 }), x.argmax(1));
    same(x.sum({ dim: 1 }), x.sum(1));
    same(x.sum(1, { keepdim: true }), x.sum(1, true));
    same(x.softmax({ dim: 1 }), x.softmax(1));
  });
  it("to({ device, dtype })", () => same(x.to({ device: "cpu", dtype: "float64" }), x.to("cpu", "float64")));
  it("clamp({ min }), arange(0, 5, { step }), norm({ p }), full([2], { fill_value })", () => {
    same(x.clamp({ min: 0 }), x.clamp(0));
    expect(x.clamp({ min: 0 }).tolistSync()).toEqual([[1.5, 0], [3, 0.25]]);
    same(torch.arange(0, 5, { step: 2 }), torch.arange(0, 5, 2));
    expect(torch.arange(0, 5, { step: 2 }).tolistSync()).toEqual([0, 2, 4]);
    same(x.norm({ p: 1 }), x.norm(1));
    expect(x.norm({ p: 1 }).itemSync()).toBe(6.75);
    same(torch.full([2], { fill_value: 3 }), torch.full([2], 3));
  });
  it("a misspelt keyword is an error, naming the op and suggesting the key", () => {
    expect(() => torch.zeros(2, { requires_gard: true } as never)).toThrow(
      "zeros() got an unexpected keyword argument 'requires_gard'. Did you mean 'requires_grad'? Accepted: 'size', 'dtype', 'device', 'requires_grad'",
    );
    expect(() => torch.tensor([1], { requires_gard: true } as never)).toThrow(/tensor\(\) got an unexpected keyword argument 'requires_gard'. Did you mean 'requires_grad'\?/);
    expect(() => x.sum({ keepdims: true } as never)).toThrow(/Did you mean 'keepdim'\?/);
  });
  it("backward takes its keywords with or without a gradient", () => {
    const w = torch.tensor([2], { dtype: "float32", requires_grad: true });
    const y = w.mul(w).sum();
    y.backward({ retain_graph: true });
    y.backward();
    expect(w.grad!.tolistSync()).toEqual([8]);
    expect(() => y.backward({ retain_grahp: true } as never)).toThrow(/backward\(\) got an unexpected keyword argument 'retain_grahp'. Did you mean 'retain_graph'\?/);
  });
  it("unary methods take no arguments", () => {
    expect(() => (x.exp as (a: number) => torch.Tensor)(2)).toThrow("exp() takes no arguments (1 given)");
  });
});
