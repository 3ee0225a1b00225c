// The keywords of sort, topk, cumsum/cumprod, isclose/allclose, the linalg norms, multinomial,
// the recurrent layers and clip_grad_norm_: each named in the options object gives what the
// positional form gives, and a misspelt key is refused (never silently ignored).
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";

const x = () => torch.tensor([[3, -1, 2], [0.5, 4, -2]]);
const same = (a: torch.Tensor | torch.Tensor[] | boolean, b: typeof a) =>
  expect(JSON.stringify(Array.isArray(a) ? a.map((t) => t.tolistSync()) : typeof a === "boolean" ? a : a.tolistSync())).toBe(
    JSON.stringify(Array.isArray(b) ? (b as torch.Tensor[]).map((t) => t.tolistSync()) : typeof b === "boolean" ? b : (b as torch.Tensor).tolistSync()),
  );

interface Row {
  op: string;
  /** The keyword form and the positional form of one call, per keyword. */
  keywords: Record<string, [() => torch.Tensor | torch.Tensor[] | boolean, () => torch.Tensor | torch.Tensor[] | boolean]>;
  misspelt: () => unknown;
}

const TABLE: Row[] = [
  {
    op: "sort",
    keywords: {
      dim: [() => [...x().sort({ dim: 0 })], () => [...x().sort(0)]],
      descending: [() => [...x().sort({ descending: true })], () => [...x().sort(-1, true)]],
      stable: [() => [...x().sort(1, false, { stable: true })], () => [...x().sort(1)]],
    },
    misspelt: () => x().sort({ decending: true } as never),
  },
  {
    op: "argsort",
    keywords: { dim: [() => x().argsort({ dim: 0 }), () => x().argsort(0)] },
    misspelt: () => x().argsort({ dims: 0 } as never),
  },
  {
    op: "topk",
    keywords: {
      dim: [() => [...x().topk(1, { dim: 0 })], () => [...x().topk(1, 0)]],
      largest: [() => [...x().topk(2, { largest: false })], () => [...x().topk(2, -1, false)]],
      sorted: [() => [...x().topk(2, { sorted: true })], () => [...x().topk(2)]],
    },
    misspelt: () => x().topk(2, { smallest: true } as never),
  },
  {
    op: "cumsum",
    keywords: { dtype: [() => x().cumsum(1, { dtype: "float64" }), () => x().double().cumsum(1)] },
    misspelt: () => x().cumsum(1, { dtpye: "float64" } as never),
  },
  {
    op: "cumprod",
    keywords: { dtype: [() => x().cumprod(0, { dtype: "float64" }), () => x().double().cumprod(0)] },
    misspelt: () => torch.cumprod(x(), 0, { type: "float64" } as never),
  },
  {
    op: "isclose",
    keywords: {
      rtol: [() => torch.isclose(x(), x().mul(1.01), { rtol: 0.02 }), () => torch.tensor([[true, true, true], [true, true, true]])],
      atol: [() => torch.isclose(x(), x().add(0.5), { atol: 0.6 }), () => torch.tensor([[true, true, true], [true, true, true]])],
      equal_nan: [() => torch.isclose(torch.tensor([NaN]), torch.tensor([NaN]), { equal_nan: true }), () => torch.tensor([true])],
    },
    misspelt: () => torch.isclose(x(), x(), { rtoll: 1 } as never),
  },
  {
    op: "allclose",
    keywords: { atol: [() => torch.allclose(x(), x().add(0.5), { atol: 0.6 }), () => true] },
    misspelt: () => torch.allclose(x(), x(), { equalnan: true } as never),
  },
  {
    op: "linalg.vector_norm",
    keywords: {
      ord: [() => torch.linalg.vector_norm(x(), { ord: 1 }), () => torch.linalg.vector_norm(x(), 1)],
      dim: [() => torch.linalg.vector_norm(x(), { dim: 1 }), () => torch.linalg.vector_norm(x(), 2, 1)],
      keepdim: [() => torch.linalg.vector_norm(x(), { dim: 1, keepdim: true }), () => torch.linalg.vector_norm(x(), 2, 1, true)],
      dtype: [() => torch.linalg.vector_norm(x(), { dtype: "float64" }), () => torch.linalg.vector_norm(x().double())],
    },
    misspelt: () => torch.linalg.vector_norm(x(), { p: 1 } as never),
  },
  {
    op: "linalg.matrix_norm",
    keywords: {
      ord: [() => torch.linalg.matrix_norm(x(), { ord: Infinity }), () => torch.linalg.matrix_norm(x(), Infinity)],
      dim: [() => torch.linalg.matrix_norm(x(), { dim: [1, 0] }), () => torch.linalg.matrix_norm(x(), "fro", [1, 0])],
      keepdim: [() => torch.linalg.matrix_norm(x(), { keepdim: true }), () => torch.linalg.matrix_norm(x(), "fro", [-2, -1], true)],
      dtype: [() => torch.linalg.matrix_norm(x(), { dtype: "float64" }), () => torch.linalg.matrix_norm(x().double())],
    },
    misspelt: () => torch.linalg.matrix_norm(x(), { keep_dim: true } as never),
  },
  {
    op: "linalg.norm",
    keywords: {
      ord: [() => torch.linalg.norm(x(), { ord: "fro" }), () => torch.linalg.norm(x(), "fro")],
      dim: [() => torch.linalg.norm(x(), { dim: 0 }), () => torch.linalg.norm(x(), null, 0)],
      keepdim: [() => torch.linalg.norm(x(), { dim: 0, keepdim: true }), () => torch.linalg.norm(x(), null, 0, true)],
      dtype: [() => torch.linalg.norm(x(), { dtype: "float64" }), () => torch.linalg.norm(x().double())],
    },
    misspelt: () => torch.linalg.norm(x(), { order: 1 } as never),
  },
  {
    op: "multinomial",
    keywords: {
      replacement: [
        () => (torch.manual_seed(1), torch.multinomial(x().abs(), 5, { replacement: true })),
        () => (torch.manual_seed(1), torch.multinomial(x().abs(), 5, true)),
      ],
      generator: [
        () => torch.multinomial(x().abs(), 2, { generator: new torch.Generator().manual_seed(3) }),
        () => torch.multinomial(x().abs(), 2, false, { generator: new torch.Generator().manual_seed(3) }),
      ],
    },
    misspelt: () => torch.multinomial(x().abs(), 2, { replace: true } as never),
  },
];

describe("keywords of the sorting, scan, closeness, norm and sampling ops", () => {
  for (const row of TABLE) {
    for (const [key, [named, positional]] of Object.entries(row.keywords))
      it(`${row.op}: '${key}' in the options object gives the positional result`, () => same(named(), positional()));
    it(`${row.op}: a misspelt keyword is refused, naming the op and the key`, () => {
      expect(row.misspelt).toThrow(TypeError);
      expect(row.misspelt).toThrow(new RegExp(`${row.op.replace(".", "\\.")}\\(\\) got an unexpected keyword argument`));
    });
  }

  it("nn.LSTM / GRU / RNN refuse a misspelt keyword, and a keyword of another layer", () => {
    expect(() => new torch.nn.LSTM(3, 4, { batchfirst: true } as never)).toThrow(/LSTM\(\) got an unexpected keyword argument 'batchfirst'/);
    expect(() => new torch.nn.GRU(3, 4, { nonlinearity: "relu" } as never)).toThrow(/GRU\(\) got an unexpected keyword argument 'nonlinearity'/);
    expect(() => new torch.nn.RNN(3, 4, { proj_size: 0 } as never)).toThrow(/RNN\(\) got an unexpected keyword argument 'proj_size'/);
    expect(new torch.nn.GRU(3, 4, { num_layers: 2, bias: false, batch_first: true, dropout: 0.1, bidirectional: true, dtype: "float32", device: "cpu" }).num_layers).toBe(2);
  });

  it("nn.utils.clip_grad_norm_ refuses a misspelt keyword", () => {
    const p = new torch.nn.Parameter(torch.ones([2]));
    p.grad = torch.ones([2]);
    expect(() => torch.nn.utils.clip_grad_norm_([p], 1, { normtype: 2 } as never)).toThrow(/clip_grad_norm_\(\) got an unexpected keyword argument 'normtype'/);
    expect(p.grad.tolistSync()).toEqual([1, 1]);
  });
});
