// RNN / LSTM / GRU behaviour beyond the PyTorch fixtures (packages/test-kit/src/suites/nn.ts):
// carrying the state across calls, and PyTorch's refusals with messages naming the shapes.
import "@flambeau/backend-cpu";
import { describe, expect, it, vi } from "vitest";
import { manual_seed, randn, cat, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";

const close = (a: Tensor, b: Tensor) => expect(a.sub(b).abs().max().itemSync()).toBeLessThan(1e-6);

describe("recurrent layers", () => {
  it("an LSTM run in two halves, carrying [h, c], equals one run over the whole sequence", () => {
    manual_seed(3);
    const lstm = new nn.LSTM(3, 4, { num_layers: 2, batch_first: true });
    const x = randn([2, 6, 3]);
    const [whole, [h, c]] = lstm(x);
    const [first, state] = lstm(x.narrow(1, 0, 4));
    const [second, [h2, c2]] = lstm(x.narrow(1, 4, 2), state);
    close(cat([first, second], 1), whole);
    close(h2, h);
    close(c2, c);
  });

  it("a GRU run in two halves, carrying h, equals one run over the whole sequence", () => {
    manual_seed(4);
    const gru = new nn.GRU(2, 3);
    const x = randn([5, 2, 2]);
    const [whole, h] = gru(x);
    const [first, h1] = gru(x.narrow(0, 0, 2));
    const [second, h2] = gru(x.narrow(0, 2, 3), h1);
    close(cat([first, second], 0), whole);
    close(h2, h);
  });

  it("batch_first only transposes the batch and time dimensions", () => {
    manual_seed(5);
    const a = new nn.GRU(3, 2, { bidirectional: true });
    const b = new nn.GRU(3, 2, { bidirectional: true, batch_first: true });
    b.load_state_dict(a.state_dict());
    const x = randn([4, 2, 3]);
    const [ya, ha] = a(x);
    const [yb, hb] = b(x.transpose(0, 1));
    close(yb.transpose(0, 1), ya);
    close(hb, ha);
  });

  it("warns, as PyTorch, that dropout on a single layer does nothing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      new nn.GRU(3, 4, { dropout: 0.2 });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/non-zero dropout expects num_layers greater than 1, but got dropout=0.2 and num_layers=1/));
      warn.mockClear();
      new nn.GRU(3, 4, { dropout: 0.2, num_layers: 2 });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  const lstm = () => new nn.LSTM(3, 4);
  const refusals: [string, () => unknown, RegExp][] = [
    ["an input of the wrong feature size", () => lstm()(randn([5, 2, 7])), /LSTM: input.size\(-1\) must be equal to input_size. Expected 3, got 7/],
    ["a 4-D input", () => lstm()(randn([1, 5, 2, 3])), /LSTM: Expected input to be 2D or 3D, got 4D/],
    ["a hidden state of the wrong batch", () => lstm()(randn([5, 2, 3]), [randn([1, 5, 4]), randn([1, 2, 4])]), /Expected hidden\[0\] size \(1, 2, 4\), got \[1, 5, 4\]/],
    ["a cell state of the wrong size", () => lstm()(randn([5, 2, 3]), [randn([1, 2, 4]), randn([1, 2, 5])]), /Expected hidden\[1\] size \(1, 2, 4\), got \[1, 2, 5\]/],
    ["a GRU hidden state for two layers given one", () => new nn.GRU(3, 4, 2)(randn([5, 2, 3]), randn([1, 2, 4])), /GRU: Expected hidden size \(2, 2, 4\), got \[1, 2, 4\]/],
    ["an LSTM state that is not a pair", () => lstm()(randn([5, 2, 3]), randn([1, 2, 4]) as never), /LSTM: hx must be a pair/],
    ["dropout outside [0, 1]", () => new nn.LSTM(3, 4, { dropout: 1.5 }), /dropout should be a number in range \[0, 1\]/],
    ["a zero hidden size", () => new nn.GRU(3, 0), /hidden_size must be an integer greater than zero/],
    ["an LSTM projection", () => new nn.LSTM(3, 4, { proj_size: 2 }), /proj_size is not supported yet/],
    ["an unknown nonlinearity", () => new nn.RNN(3, 4, { nonlinearity: "sigmoid" as "tanh" }), /Unknown nonlinearity 'sigmoid'/],
  ];
  for (const [what, run, message] of refusals) it(`refuses ${what}`, () => expect(run).toThrow(message));
});
