// select_table (the windows of convolution and pooling) against index_select on the same
// positions: its value, its gradient (a gather by the transposed table instead of a
// scatter_add) and, under create_graph, its second derivative. The conv suites check it
// against PyTorch on every backend; this pins the op itself down, padding and repeats included.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { IndexTable, select_table } from "@flambeau/tensor/internal";
import { grad } from "@flambeau/autograd";

// 5 positions; entry 5 is the pad value. Position 1 is named three times, 3 twice, 4 never.
const ENTRIES = [1, 5, 3, 1, 0, 2, 5, 1, 3];
const EXTENT = 5;

/** The reference: the pad value appended along `dim`, then index_select. */
function reference(x: torch.Tensor, dim: number, padValue: number): torch.Tensor {
  const shape = x.shape.slice();
  shape[dim] = 1;
  const padded = torch.cat([x, torch.full(shape, padValue, { dtype: x.dtype })], dim);
  return padded.index_select(dim, torch.tensor(ENTRIES, { dtype: "int32" }));
}

const input = () => torch.randn([2, EXTENT, 3], { dtype: "float64" }).requires_grad_(true);

describe("select_table: index_select by a table, its gradient a gather by the transposed table", () => {
  const table = new IndexTable(Int32Array.from(ENTRIES), EXTENT);

  it("selects what index_select selects, pad entries reading the pad value", async () => {
    torch.manual_seed(1);
    const x = input();
    const y = select_table(x, 1, table, -7);
    expect(y.shape).toEqual([2, ENTRIES.length, 3]);
    expect(await y.tolist()).toEqual(await reference(x, 1, -7).tolist());
    // A non-contiguous input reads through its strides.
    const xt = x.detach().transpose(0, 2); // [3, 5, 2]
    expect(await select_table(xt, 1, table, 0).tolist()).toEqual(await reference(xt, 1, 0).tolist());
  });

  it("the transposed table lists, for each position, the entries naming it, then pads", () => {
    const { table: t, fanIn } = table.transposed();
    expect(fanIn).toBe(3);
    expect(t.extent).toBe(ENTRIES.length);
    const pad = ENTRIES.length;
    expect(Array.from(t.index)).toEqual([4, pad, pad, 0, 3, 7, 5, pad, pad, 2, 8, pad, pad, pad, pad]);
  });

  it("gives index_select's gradient, a repeated position summing its entries and an unnamed one zero", async () => {
    torch.manual_seed(2);
    const x = input();
    const w = torch.randn([2, ENTRIES.length, 3], { dtype: "float64" });
    select_table(x, 1, table, 0).mul(w).sum().backward();
    const x2 = x.detach().clone().requires_grad_(true);
    reference(x2, 1, 0).mul(w).sum().backward();
    const [got, want] = [(await x.grad!.tolist()) as number[][][], (await x2.grad!.tolist()) as number[][][]];
    for (let i = 0; i < 2; i++) for (let e = 0; e < EXTENT; e++) for (let j = 0; j < 3; j++) expect(got[i]![e]![j]).toBeCloseTo(want[i]![e]![j]!, 12);
    expect(got[0]![4]).toEqual([0, 0, 0]);
    expect(got[1]![1]![2]).not.toBe(0);
  });

  it("is twice differentiable (create_graph), as index_select is", async () => {
    torch.manual_seed(3);
    const x = input();
    const v = torch.randn([2, EXTENT, 3], { dtype: "float64" });
    const second = (f: (x: torch.Tensor) => torch.Tensor) => {
      const [g] = grad([f(x).pow(3).sum()], [x], undefined, { create_graph: true });
      return grad([g!.mul(v).sum()], [x])[0]!;
    };
    const got = (await second((t) => select_table(t, 1, table, 0)).tolist()) as number[][][];
    const want = (await second((t) => reference(t, 1, 0)).tolist()) as number[][][];
    for (let i = 0; i < 2; i++) for (let e = 0; e < EXTENT; e++) for (let j = 0; j < 3; j++) expect(got[i]![e]![j]).toBeCloseTo(want[i]![e]![j]!, 10);
  });

  it("keeps one copy per device, which a tidy scope does not free", () => {
    const first = torch.tidy(() => {
      table.on(torch.device("cpu"));
      return 0;
    });
    expect(first).toBe(0);
    const t = table.on(torch.device("cpu"));
    expect(t).toBe(table.on(torch.device("cpu")));
    expect(t._storage.disposed).toBe(false);
    expect(t.dtype).toBe("int32");
  });

  it("refuses a table entry outside [0, extent] and an input whose dimension is not the extent", () => {
    expect(() => new IndexTable(Int32Array.from([0, 6]), EXTENT)).toThrow("IndexTable: entry 1 is 6, outside [0, 5]");
    expect(() => new IndexTable(Int32Array.from([-1]), EXTENT)).toThrow("IndexTable: entry 0 is -1, outside [0, 5]");
    expect(() => select_table(torch.zeros([2, 4]), 1, table)).toThrow(
      "select_table(): the table selects from 5 positions, but dimension 1 of the input has 4",
    );
  });
});
