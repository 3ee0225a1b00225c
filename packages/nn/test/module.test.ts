/** The Module machinery: callable objects, registration as PyTorch's __setattr__, traversal, modes, devices. */
import "@flambeau/backend-cpu";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Generator, empty, manual_seed, ones, randn, tensor, zeros, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { LinearRegressionModel } from "@flambeau/test-kit";
import { thrownMessage } from "@flambeau/test-kit/nn";


// Class fields, a private field, a getter and a helper method all see the module as `this`.
class Fielded extends nn.Module {
  linear = new nn.Linear(2, 3);
  act = new nn.ReLU();
  scale = 2;
  #calls = 0;
  get out_features(): number {
    return this.linear.out_features;
  }
  get calls(): number {
    return this.#calls;
  }
  private twice(x: Tensor): Tensor {
    return x.mul(this.scale);
  }
  override forward(x: Tensor): Tensor {
    this.#calls++;
    return this.twice(this.act(this.linear(x)));
  }
}

describe("modules are callable objects of their class", () => {
  it("model(x) runs forward, for layers and for a lesson's subclass", () => {
    manual_seed(0);
    const model = new LinearRegressionModel(1, 1);
    const x = tensor([[1], [2]], { dtype: "float32" });
    expect(model(x).tolistSync()).toEqual(model.forward(x).tolistSync());
    expect(model(x).shape).toEqual([2, 1]);
    expect(typeof model).toBe("function");
  });
  it("instanceof, constructor and class name", () => {
    const model = new LinearRegressionModel(1, 1);
    expect(model).toBeInstanceOf(LinearRegressionModel);
    expect(model).toBeInstanceOf(nn.Module);
    expect(model.linear).toBeInstanceOf(nn.Linear);
    expect(model.constructor).toBe(LinearRegressionModel);
    expect(model._get_name()).toBe("LinearRegressionModel");
    expect(new nn.ReLU()).not.toBeInstanceOf(nn.Linear);
  });
  it("class fields register, private fields, getters and methods work through `this`", () => {
    const m = new Fielded();
    const y = m(ones(4, 2));
    expect(y.shape).toEqual([4, 3]);
    expect(m.calls).toBe(1);
    expect(m.out_features).toBe(3);
    expect(m.scale).toBe(2);
    expect(m.named_parameters().map(([n]) => n)).toEqual(["linear.weight", "linear.bias"]);
    expect(m.named_children().map(([n]) => n)).toEqual(["linear", "act"]);
    expect(y.min().itemSync()).toBeGreaterThanOrEqual(0);
  });
  it("fields named like function properties (name, length) are the subclass's own", () => {
    // To TypeScript a module is also a function, so these names need `override`.
    class Named extends nn.Module {
      override name = "encoder";
      override length = 3;
    }
    const m = new Named();
    expect([m.name, m.length]).toEqual(["encoder", 3]);
    m.name = "decoder";
    expect(m.name).toBe("decoder");
  });
  it("prints as PyTorch in String(), templates and console.log", () => {
    const text = "LinearRegressionModel(\n  (linear): Linear(in_features=1, out_features=1, bias=True)\n)";
    const model = new LinearRegressionModel(1, 1);
    expect(String(model)).toBe(text);
    expect(`${model}`).toBe(text);
    expect(inspect(model)).toBe(text);
  });
  it("a module without forward says so", () => {
    class Empty extends nn.Module {}
    expect(() => new Empty()(ones(1))).toThrow('Module [Empty] is missing the required "forward" function');
  });
  it("cannot be constructed with new", () => {
    const model = new nn.ReLU() as unknown as new () => unknown;
    expect(() => new model()).toThrow(TypeError);
  });
});

describe("registration follows PyTorch's __setattr__", () => {
  it("Parameters, buffers and modules land in their registries in order", () => {
    class M extends nn.Module {
      w = new nn.Parameter(ones(2));
      sub = new nn.Linear(2, 2);
      constructor() {
        super();
        this.register_buffer("count", zeros(1));
        this.register_buffer("cache", zeros(3), { persistent: false });
      }
    }
    const m = new M();
    expect(m.named_parameters().map(([n]) => n)).toEqual(["w", "sub.weight", "sub.bias"]);
    expect(m.named_buffers().map(([n]) => n)).toEqual(["count", "cache"]);
    expect(Object.keys(m.state_dict())).toEqual(["w", "count", "sub.weight", "sub.bias"]);
    expect((m as unknown as { count: Tensor }).count).toBe(m.buffers()[0]);
  });
  it("wrong values for registered names are refused with PyTorch's messages", () => {
    const lin = new nn.Linear(2, 2) as unknown as Record<string, unknown>;
    expect(thrownMessage(() => (lin.weight = ones(2, 2)))).toBe(
      "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)",
    );
    const model = new LinearRegressionModel(1, 1) as unknown as Record<string, unknown>;
    expect(thrownMessage(() => (model.linear = 3))).toBe("cannot assign 'number' as child module 'linear' (torch.nn.Module or None expected)");
    const bn = new nn.BatchNorm1d(2) as unknown as Record<string, unknown>;
    expect(thrownMessage(() => (bn.running_mean = "x"))).toBe("cannot assign 'string' as buffer 'running_mean' (torch.Tensor or None expected)");
  });
  it("null clears a registered name; a new tensor replaces a buffer; delete unregisters", () => {
    const lin = new nn.Linear(2, 2);
    lin.bias = null;
    expect(lin.named_parameters().map(([n]) => n)).toEqual(["weight"]);
    expect(String(lin)).toBe("Linear(in_features=2, out_features=2, bias=False)");
    const bn = new nn.BatchNorm1d(2);
    bn.running_mean = tensor([5, 6], { dtype: "float32" });
    expect(bn.state_dict()["running_mean"]!.tolistSync()).toEqual([5, 6]);
    const model = new LinearRegressionModel(1, 1);
    delete (model as unknown as Record<string, unknown>).linear;
    expect(model.parameters()).toEqual([]);
    expect(model.linear).toBeUndefined();
  });
  it("register_* check names as PyTorch does", () => {
    const m = new nn.Linear(1, 1);
    expect(() => m.register_buffer("a.b", zeros(1))).toThrow('buffer name can\'t contain "."');
    expect(() => m.register_buffer("", zeros(1))).toThrow('buffer name can\'t be empty string ""');
    expect(() => m.register_buffer("forward", zeros(1))).toThrow("attribute 'forward' already exists");
    expect(() => m.register_parameter("p", ones(1) as nn.Parameter)).toThrow(
      "cannot assign 'torch.FloatTensor' object to parameter 'p' (torch.nn.Parameter or None required)",
    );
    expect(() => m.add_module("x", 5 as unknown as nn.Module)).toThrow("number is not a Module subclass");
    expect(() => m.add_module("a.b", new nn.ReLU())).toThrow('module name can\'t contain ".", got: a.b');
  });
  it("a shared module is one set of parameters but two state_dict prefixes", () => {
    const shared = new nn.Linear(2, 2);
    const seq = new nn.Sequential(shared, new nn.ReLU(), shared);
    expect(seq.parameters()).toHaveLength(2);
    expect(seq.modules()).toHaveLength(3);
    expect(Object.keys(seq.state_dict())).toEqual(["0.weight", "0.bias", "2.weight", "2.bias"]);
    expect(seq.named_modules(null, "", false).map(([n]) => n)).toEqual(["", "0", "1", "2"]);
  });
  it("get_submodule follows dotted paths", () => {
    const seq = new nn.Sequential(new nn.Sequential(new nn.Linear(1, 1)));
    expect(seq.get_submodule("0.0")).toBe((seq[0] as nn.Sequential)[0]);
    expect(() => seq.get_submodule("0.5")).toThrow("Sequential has no attribute `5`");
  });
});

describe("modes, gradients, devices and dtypes", () => {
  it("train/eval reach every module; Dropout is the identity in eval mode", () => {
    const model = new nn.Sequential(new nn.Linear(3, 3), new nn.Dropout(0.5));
    expect(model.training && model[1]!.training).toBe(true);
    model.eval();
    expect([model.training, model[0]!.training, model[1]!.training]).toEqual([false, false, false]);
    const x = randn(4, 3);
    expect(model[1]!(x)).toBe(x);
    expect(model.train().training).toBe(true);
  });
  it("zero_grad sets gradients to null by default, or to zeros", () => {
    const model = new nn.Linear(2, 1);
    model(ones(3, 2)).sum().backward();
    expect(model.weight.grad).not.toBeNull();
    model.zero_grad(false);
    expect(model.weight.grad!.tolistSync()).toEqual([[0, 0]]);
    model.zero_grad();
    expect(model.weight.grad).toBeNull();
  });
  it("requires_grad_(false) freezes every parameter", () => {
    const model = new nn.Linear(2, 2).requires_grad_(false);
    expect(model.parameters().every((p) => !p.requires_grad)).toBe(true);
  });
  it("to(dtype) casts floating parameters, gradients and buffers in place, keeping the objects", () => {
    const model = new nn.Sequential(new nn.Linear(2, 2), new nn.BatchNorm1d(2));
    model(randn(4, 2)).sum().backward();
    const weight = (model[0] as nn.Linear).weight;
    expect(model.to("cpu")).toBe(model);
    model.double();
    expect((model[0] as nn.Linear).weight).toBe(weight);
    expect([weight.dtype, weight.grad!.dtype, weight.requires_grad]).toEqual(["float64", "float64", true]);
    expect(model.state_dict()["1.running_mean"]!.dtype).toBe("float64");
    expect(model.state_dict()["1.num_batches_tracked"]!.dtype).toBe("int32");
    expect(model(randn(3, 2, { dtype: "float64" })).dtype).toBe("float64");
    expect(() => model.to("int32")).toThrow("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.int32");
  });
  it("toAsync moves in place too", async () => {
    const model = new nn.Linear(2, 2);
    const weight = model.weight;
    expect(await model.toAsync("cpu")).toBe(model);
    expect([model.weight, model.weight.device.type]).toEqual([weight, "cpu"]);
  });
  it("apply visits children before their parent", () => {
    const seen: string[] = [];
    new nn.Sequential(new nn.Linear(1, 1), new nn.Sequential(new nn.ReLU())).apply((m) => seen.push(m._get_name()));
    expect(seen).toEqual(["Linear", "ReLU", "Sequential", "Sequential"]);
  });
});

describe("state_dict and load_state_dict", () => {
  it("state_dict values share memory with the model but are detached; keep_vars and prefix", () => {
    const model = new nn.Linear(2, 1);
    const sd = model.state_dict();
    expect(sd.weight!.requires_grad).toBe(false);
    sd.weight!.fill_(3);
    expect(model.weight.tolistSync()).toEqual([[3, 3]]);
    expect(model.state_dict({ keep_vars: true }).weight).toBe(model.weight);
    expect(Object.keys(model.state_dict({ prefix: "head." }))).toEqual(["head.weight", "head.bias"]);
  });
  it("load_state_dict copies values and returns the incompatible keys", () => {
    const a = new LinearRegressionModel(1, 1), b = new LinearRegressionModel(1, 1);
    const result = b.load_state_dict(a.state_dict());
    expect(String(result)).toBe("<All keys matched successfully>");
    expect(b.linear.weight.tolistSync()).toEqual(a.linear.weight.tolistSync());
    expect(b.linear.weight).not.toBe(a.linear.weight);
    expect(b.load_state_dict(new Map([["linear.weight", zeros(1, 1)]]), false).toString()).toBe(
      "_IncompatibleKeys(missing_keys=['linear.bias'], unexpected_keys=[])",
    );
  });
  it("console.log(load_state_dict(...)) prints PyTorch's repr, and the result unpacks by name or position", () => {
    const model = new nn.Linear(2, 1);
    // PyTorch 1.13: print(m.load_state_dict(m.state_dict())) and with strict=False after
    // deleting 'bias' and adding 'extra'.
    expect(inspect(model.load_state_dict(model.state_dict()))).toBe("<All keys matched successfully>");
    const { bias: _, ...sd } = model.state_dict();
    const result = model.load_state_dict({ ...sd, extra: zeros(1) }, { strict: false });
    expect(inspect(result)).toBe("_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=['extra'])");
    expect(result.missing_keys).toEqual(["bias"]);
    expect(result.unexpected_keys).toEqual(["extra"]);
    const [missing, unexpected] = result;
    expect([missing, unexpected]).toEqual([["bias"], ["extra"]]);
  });
  it("a BatchNorm checkpoint without num_batches_tracked loads it as 0, as PyTorch does", () => {
    const bn = new nn.BatchNorm1d(2);
    bn(randn(4, 2));
    const { num_batches_tracked: _, ...old } = bn.state_dict();
    bn.load_state_dict(old);
    expect(bn.num_batches_tracked!.itemSync()).toBe(0);
  });
});

describe("containers", () => {
  it("Sequential: indexing, at, length, iteration, append, slice and names", () => {
    const a = new nn.Linear(2, 3), b = new nn.ReLU(), c = new nn.Linear(3, 1);
    const seq = new nn.Sequential(a, b);
    expect([seq[0], seq[1], seq.at(-1), seq.length]).toEqual([a, b, b, 2]);
    seq.append(c);
    expect([...seq]).toEqual([a, b, c]);
    expect(seq(ones(4, 2)).shape).toEqual([4, 1]);
    expect(seq.slice(1).named_children().map(([n]) => n)).toEqual(["1", "2"]);
    expect(new nn.Sequential(new Map([["fc", a]])).named_children()).toEqual([["fc", a]]);
    expect(() => new nn.Sequential(5 as unknown as nn.Module)).toThrow("number is not a Module subclass");
  });
  it("ModuleList: append, extend, insert and pop renumber", () => {
    const [a, b, c] = [new nn.ReLU(), new nn.Tanh(), new nn.Sigmoid()];
    const list = new nn.ModuleList([a]).extend([c]);
    list.insert(1, b);
    expect([list[0], list[1], list[2], list.length]).toEqual([a, b, c, 3]);
    expect(list.pop(0)).toBe(a);
    expect(list.named_children()).toEqual([["0", b], ["1", c]]);
    expect(list.at(-1)).toBe(c);
    expect(() => list(ones(1))).toThrow('Module [ModuleList] is missing the required "forward" function');
  });
  it("ModuleDict: get, set, has, pop, keys, values, items, iteration", () => {
    const cls = new nn.Linear(4, 2), reg = new nn.Linear(4, 1);
    const heads = new nn.ModuleDict({ cls });
    heads.set("reg", reg);
    expect([heads.get("cls"), heads.has("reg"), heads.length]).toEqual([cls, true, 2]);
    expect((heads as unknown as Record<string, nn.Module>).cls).toBe(cls);
    expect([...heads]).toEqual(["cls", "reg"]);
    expect(heads.items()).toEqual([["cls", cls], ["reg", reg]]);
    expect(heads.pop("cls")).toBe(cls);
    expect(heads.keys()).toEqual(["reg"]);
    expect(() => heads.get("cls")).toThrow("KeyError: 'cls'");
  });
});

describe("Parameter, init and functional odds and ends", () => {
  it("Parameter prints as PyTorch and shares memory with its data", () => {
    const data = tensor([1.5, 2], { dtype: "float32" });
    const p = new nn.Parameter(data);
    expect(String(p)).toBe("Parameter containing:\ntensor([1.5000, 2.0000], requires_grad=True)");
    expect(inspect(p)).toBe(String(p)); // console.log(p) in Node
    data.fill_(0);
    expect(p.tolistSync()).toEqual([0, 0]);
    expect(new nn.Parameter(ones(1), false).requires_grad).toBe(false);
    expect(() => new nn.Parameter(tensor([1]))).toThrow(/only Tensors of floating point dtype can require gradients/);
  });
  it("init takes a generator, giving the default generator's stream for the same seed", () => {
    const a = empty(4, 3);
    manual_seed(11);
    nn.init.kaiming_uniform_(a, { a: Math.sqrt(5) });
    const c = empty(4, 3);
    nn.init.kaiming_uniform_(c, Math.sqrt(5), "fan_in", "leaky_relu", { generator: new Generator().manual_seed(11) });
    expect(c.tolistSync()).toEqual(a.tolistSync());
    expect(() => nn.init.xavier_uniform_(empty(3))).toThrow("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    expect(() => nn.init.kaiming_normal_(empty(2, 2), { mode: "fan_avg" as "fan_in" })).toThrow("Mode fan_avg not supported");
  });
  it("init works on parameters that require grad, without recording", () => {
    const model = new nn.Linear(3, 2);
    nn.init.zeros_(model.weight);
    nn.init.constant_(model.bias!, 0.5);
    expect(model.weight.grad_fn).toBeNull();
    expect(model.bias!.tolistSync()).toEqual([0.5, 0.5]);
  });
  it("F.one_hot infers the number of classes on the CPU", () => {
    expect(nn.functional.one_hot(tensor([0, 2])).tolistSync()).toEqual([[1, 0, 0], [0, 0, 1]]);
    expect(() => nn.functional.one_hot(tensor([0, 3]), 3)).toThrow("Class values must be smaller than num_classes.");
  });
  it("F.dropout draws PyTorch's mask for a seed and keeps the expectation", () => {
    manual_seed(0);
    expect(nn.functional.dropout(ones(20), 0.5).tolistSync()).toEqual(
      [0, 0, 2, 0, 0, 0, 2, 2, 0, 2, 2, 2, 2, 0, 2, 2, 2, 2, 0, 0],
    );
    expect(nn.functional.dropout(ones(3), { p: 0.5, training: false }).tolistSync()).toEqual([1, 1, 1]);
  });
});
