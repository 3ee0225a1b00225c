/** Bad input fails with PyTorch's messages, and a failed load_state_dict changes nothing. */
import "@flambeau/backend-cpu";
import { describe, expect, it } from "vitest";
import { randn, tensor, zeros, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { nnFixture, thrownMessage } from "@flambeau/test-kit/nn";

const errors = nnFixture<Record<string, string> & { load_not_strict_result: { missing_keys: string[]; unexpected_keys: string[] } }>("errors");

class LinearRegressionModel extends nn.Module {
  linear = new nn.Linear(1, 1);
  override forward(x: Tensor): Tensor {
    return this.linear(x);
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const message = thrownMessage;

describe("layers and losses reject bad input with PyTorch's messages", () => {
  it("Linear with the wrong in_features names the shapes", () => {
    // PyTorch's text, which the tensor package may prefix with the op's name (Decision 6).
    expect(message(() => new nn.Linear(2, 3)(randn(5, 3)))).toMatch(new RegExp(`^(matmul: )?${escape(errors.linear_in_features)}$`));
    expect(message(() => new nn.Linear(2, 3)(randn(4, 5, 3)))).toMatch(new RegExp(`^(matmul: )?${escape(errors.linear_in_features_3d)}$`));
  });
  it("class targets out of range: the op's name, then PyTorch's words", () => {
    expect(message(() => new nn.CrossEntropyLoss()(randn(3, 4), tensor([0, 4, 1])))).toBe(`cross_entropy(): ${errors.ce_target_out_of_range}`);
    expect(message(() => new nn.CrossEntropyLoss()(randn(3, 4), tensor([0, -1, 1])))).toBe(`cross_entropy(): ${errors.ce_target_negative}`);
    expect(message(() => new nn.NLLLoss()(randn(3, 4), tensor([0, 7, 1])))).toBe(`nll_loss(): ${errors.nll_target_out_of_range}`);
  });
  it("BatchNorm1d training on one value per channel", () => {
    expect(message(() => new nn.BatchNorm1d(3)(randn(1, 3)))).toBe(errors.batch_norm_one_value);
  });
  it("Embedding index out of range", () => {
    // PyTorch's words, after the op's name and before the index and the shapes (as on every backend).
    expect(message(() => new nn.Embedding(5, 2)(tensor([1, 5])))).toBe(
      `embedding(): ${errors.embedding_out_of_range} (index 5 is out of bounds for dimension 0 with size 5; input of shape [2], weight of shape [5, 2])`,
    );
  });
  it("BCELoss input outside [0, 1]", () => {
    expect(message(() => new nn.BCELoss()(tensor([0.5, 1.5]), tensor([1.0, 0.0])))).toBe(errors.bce_out_of_range);
  });
  it("a float target for class indices, a bad reduction, bad options", () => {
    expect(message(() => new nn.CrossEntropyLoss()(randn(3, 4), randn(3)))).toBe("cross_entropy(): expected scalar type Long but found Float");
    expect(message(() => nn.functional.nll_loss(randn(3, 4), tensor([0, 1])))).toBe("nll_loss(): Expected input batch_size (3) to match target batch_size (2).");
    expect(() => new nn.MSELoss({ reduction: "average" as "mean" })).toThrow("average is not a valid value for reduction");
    expect(() => new nn.Dropout(1.5)).toThrow(new Error("nn.Dropout(): dropout probability has to be between 0 and 1, but got 1.5"));
    expect(() => new nn.Dropout2d(-0.5)).toThrow(new Error("nn.Dropout2d(): dropout probability has to be between 0 and 1, but got -0.5"));
    expect(() => nn.functional.dropout(randn(2), 2)).toThrow(new Error("dropout(): dropout probability has to be between 0 and 1, but got 2"));
    expect(() => nn.functional.dropout2d(randn(1, 2, 2, 2), { p: Number.NaN })).toThrow(new Error("dropout2d(): dropout probability has to be between 0 and 1, but got NaN"));
    expect(() => new nn.CrossEntropyLoss({ label_smoothing: 2 })(randn(2, 3), tensor([0, 1]))).toThrow(
      "label_smoothing must be between 0.0 and 1.0. Got: 2",
    );
    expect(() => new nn.LayerNorm(4)(randn(2, 5))).toThrow(
      "Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 5]",
    );
  });
});

describe("load_state_dict errors are PyTorch's, and a failed load changes nothing", () => {
  const cases: [string, Record<string, Tensor>][] = [
    ["load_missing", { "linear.weight": zeros(1, 1) }],
    ["load_unexpected", { "linear.weight": zeros(1, 1), "linear.bias": zeros(1), "linear.extra": zeros(1), other: zeros(2) }],
    ["load_size_mismatch", { "linear.weight": zeros(2, 1), "linear.bias": zeros(1) }],
    ["load_all", { "linear.weight": zeros(1, 3), bogus: zeros(1) }],
  ];
  for (const [name, sd] of cases)
    it(name, () => {
      const model = new LinearRegressionModel();
      const before = model.state_dict();
      const values = Object.values(before).map((t) => Array.from(t.dataSync()));
      expect(message(() => model.load_state_dict(sd))).toBe(errors[name]);
      expect(Object.values(model.state_dict()).map((t) => Array.from(t.dataSync()))).toEqual(values);
    });

  it("shapes must match even when not strict; keys need not", () => {
    const model = new LinearRegressionModel();
    expect(message(() => model.load_state_dict({ "linear.weight": zeros(2, 3) }, false))).toBe(errors.load_size_mismatch_not_strict);
    const result = model.load_state_dict({ "linear.weight": zeros(1, 1), x: zeros(1) }, { strict: false });
    expect({ missing_keys: result.missing_keys, unexpected_keys: result.unexpected_keys }).toEqual(errors.load_not_strict_result);
    expect(model.linear.weight.itemSync()).toBe(0);
  });

  it("a Sequential with BatchNorm: missing keys and a buffer of the wrong size; nothing copied", () => {
    const seq = new nn.Sequential(new nn.Linear(2, 3), new nn.BatchNorm1d(3));
    const weight = Array.from(seq.state_dict()["0.weight"]!.dataSync());
    expect(message(() => seq.load_state_dict({ "0.weight": zeros(3, 2), "1.running_mean": zeros(4) }))).toBe(errors.load_sequential);
    expect(Array.from(seq.state_dict()["0.weight"]!.dataSync())).toEqual(weight);
  });

  it("a value that is not a tensor", () => {
    const model = new LinearRegressionModel();
    expect(message(() => model.load_state_dict({ "linear.weight": [[1]] as unknown as Tensor, "linear.bias": zeros(1) }))).toBe(
      'Error(s) in loading state_dict for LinearRegressionModel:\n\tWhile copying the parameter named "linear.weight", expected torch.Tensor or Tensor-like object from checkpoint but received Array',
    );
  });
});
