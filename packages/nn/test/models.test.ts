/** The same models as PyTorch: printed text, state_dict keys and traversal order. */
import "@flambeau/backend-cpu";
import { describe, expect, it } from "vitest";
import { ones, zeros, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { LinearRegressionModel } from "@flambeau/test-kit";
import { nnFixture } from "@flambeau/test-kit/nn";

interface ModelFacts {
  repr: string;
  state_dict_keys: string[];
  named_parameters: string[];
  named_buffers: string[];
  named_modules: string[];
  named_children: string[];
  parameter_count: number;
}


// Buffers, a ModuleList of Sequentials, a ModuleDict and a Parameter, in PyTorch's order.
class Net extends nn.Module {
  embed: nn.Embedding;
  blocks: nn.ModuleList;
  heads: nn.ModuleDict;
  temperature: nn.Parameter;
  constructor() {
    super();
    this.register_buffer("scale", ones(1));
    this.register_buffer("scratch", zeros(2), false);
    this.embed = new nn.Embedding(10, 4);
    this.blocks = new nn.ModuleList([
      new nn.Sequential(new nn.Linear(4, 4), new nn.GELU()),
      new nn.Sequential(new nn.LayerNorm(4), new nn.Linear(4, 4, { bias: false })),
    ]);
    this.heads = new nn.ModuleDict({ cls: new nn.Linear(4, 2), reg: new nn.Linear(4, 1) });
    this.temperature = new nn.Parameter(ones(1));
  }
}

const models: Record<string, () => nn.Module> = {
  linear_regression: () => new LinearRegressionModel(1, 1),
  net: () => new Net(),
  all_layers: () =>
    new nn.Sequential(
      new nn.Identity(), new nn.Flatten(), new nn.Linear(12, 8), new nn.ReLU(), new nn.LeakyReLU(), new nn.LeakyReLU(0.2),
      new nn.Sigmoid(), new nn.Tanh(), new nn.GELU(), new nn.GELU({ approximate: "tanh" }), new nn.Softmax({ dim: 1 }),
      new nn.LogSoftmax({ dim: 1 }), new nn.Dropout(), new nn.Dropout(0.25), new nn.Embedding(10, 3, { padding_idx: 0 }),
      new nn.LayerNorm(8), new nn.LayerNorm([2, 4], { eps: 1e-6, elementwise_affine: false }), new nn.BatchNorm1d(8),
      new nn.BatchNorm1d(8, { eps: 0.001, momentum: null, affine: false, track_running_stats: false }),
      new nn.Flatten(0, -2), new nn.Linear(8, 2, { bias: false }),
    ),
  losses: () =>
    new nn.ModuleList([
      new nn.MSELoss(), new nn.L1Loss({ reduction: "sum" }), new nn.SmoothL1Loss({ beta: 0.5 }), new nn.HuberLoss(),
      new nn.BCELoss(), new nn.BCEWithLogitsLoss(), new nn.CrossEntropyLoss({ label_smoothing: 0.1 }), new nn.NLLLoss(),
    ]),
  named_mlp: () => new nn.Sequential({ fc1: new nn.Linear(2, 16), act: new nn.ReLU(), fc2: new nn.Linear(16, 2) }),
  batch_norm_mlp: () =>
    new nn.Sequential(new nn.Linear(4, 8), new nn.BatchNorm1d(8), new nn.ReLU(), new nn.Dropout(0.1), new nn.Linear(8, 3)),
  linear: () => new nn.Linear(3, 2),
  recurrent: () =>
    new nn.ModuleList([
      new nn.LSTM(3, 4), new nn.LSTM(3, 4, 2, { batch_first: true, dropout: 0.25, bidirectional: true }),
      new nn.GRU(2, 3, { bias: false }), new nn.RNN(2, 3, { nonlinearity: "relu", num_layers: 2 }),
    ]),
};

describe("models match PyTorch's print(model), state_dict keys and traversal", () => {
  const facts = nnFixture<Record<string, ModelFacts>>("models");
  it("covers every model of the fixture", () => {
    expect(Object.keys(models).sort()).toEqual(Object.keys(facts).sort());
  });
  for (const [name, make] of Object.entries(models)) {
    const want = facts[name]!;
    it(`${name}: toString is print(model)`, () => {
      expect(make().toString()).toBe(want.repr);
      expect(`${make()}`).toBe(want.repr);
    });
    it(`${name}: names in PyTorch's order`, () => {
      const m = make();
      expect(Object.keys(m.state_dict())).toEqual(want.state_dict_keys);
      expect(m.named_parameters().map(([n]) => n)).toEqual(want.named_parameters);
      expect(m.named_buffers().map(([n]) => n)).toEqual(want.named_buffers);
      expect(m.named_modules().map(([n]) => n)).toEqual(want.named_modules);
      expect(m.named_children().map(([n]) => n)).toEqual(want.named_children);
      expect(m.parameters().reduce((s, p) => s + p.numel(), 0)).toBe(want.parameter_count);
    });
  }
});
