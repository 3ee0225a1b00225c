/**
 * Ops that must fail: the error names the op and the shapes (DESIGN.md, Decision 6), and a
 * failed op leaves every input as it was (data, shape, strides, version, autograd state).
 */
import { expect, it } from "vitest";
import * as torch from "flambeau";

interface ErrorCase {
  name: string;
  /** The inputs, created on the device under test. */
  make: (device: string) => torch.Tensor[];
  run: (inputs: torch.Tensor[]) => unknown;
  /** Every fragment must occur in the message. */
  message: (string | RegExp)[];
}

/** `0, 1, 2, …` as a float32 tensor of `shape` on `device` (a fresh leaf). */
function seq(device: string, shape: number[], options: { dtype?: torch.DType; requires_grad?: boolean } = {}): torch.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const t = torch.arange(n, { dtype: options.dtype ?? "float32", device }).reshape(shape).detach();
  return options.requires_grad ? t.requires_grad_(true) : t;
}

const ERROR_CASES: ErrorCase[] = [
  {
    name: "matmul of mismatched matrices",
    make: (d) => [seq(d, [5, 3]), seq(d, [2, 3])],
    run: ([a, b]) => a!.matmul(b!),
    message: ["matmul", "mat1 and mat2 shapes cannot be multiplied (5x3 and 2x3)"],
  },
  {
    name: "mm of mismatched matrices",
    make: (d) => [seq(d, [5, 3], { requires_grad: true }), seq(d, [2, 3])],
    run: ([a, b]) => a!.mm(b!),
    message: [/\bmm\b/, "mat1 and mat2 shapes cannot be multiplied (5x3 and 2x3)"],
  },
  {
    name: "matmul of a vector and a mismatched matrix",
    make: (d) => [seq(d, [4]), seq(d, [3, 2])],
    run: ([a, b]) => a!.matmul(b!),
    message: ["matmul", "mat1 and mat2 shapes cannot be multiplied (1x4 and 3x2)"],
  },
  {
    name: "matmul of a 0-d tensor (named before the dtypes, as PyTorch orders its checks)",
    make: (d) => [seq(d, [], { dtype: "int32" }), seq(d, [3, 4])],
    run: ([a, b]) => a!.matmul(b!),
    message: ["matmul: both arguments to matmul need to be at least 1D, but they are 0D and 2D"],
  },
  {
    name: "mm of matrices of two dtypes",
    make: (d) => [seq(d, [2, 3], { dtype: "int32" }), seq(d, [3, 2])],
    run: ([a, b]) => torch.mm(a!, b!),
    message: ["mm: expected m1 and m2 to have the same dtype, but got: int32 != float32"],
  },
  {
    name: "mm of a vector",
    make: (d) => [seq(d, [3]), seq(d, [3, 2])],
    run: ([a, b]) => a!.mm(b!),
    message: ["mm: self must be a matrix (got a 1-D tensor)"],
  },
  {
    name: "bmm of matrices",
    make: (d) => [seq(d, [2, 3]), seq(d, [1, 3, 2])],
    run: ([a, b]) => torch.bmm(a!, b!),
    message: ["bmm: batch1 must be a 3D tensor (got 2-D)"],
  },
  {
    name: "dot of matrices",
    make: (d) => [seq(d, [2, 2]), seq(d, [2, 2])],
    run: ([a, b]) => torch.dot(a!, b!),
    message: ["dot: 1D tensors expected, but got 2D and 2D tensors"],
  },
  {
    name: "add of shapes that do not broadcast",
    make: (d) => [seq(d, [2, 3]), seq(d, [2, 4])],
    run: ([a, b]) => a!.add(b!),
    message: [/\badd\b/, "[2, 3]", "[2, 4]"],
  },
  {
    name: "mul of shapes that do not broadcast",
    make: (d) => [seq(d, [3], { requires_grad: true }), seq(d, [4], { requires_grad: true })],
    run: ([a, b]) => a!.mul(b!),
    message: [/\bmul\b/, "[3]", "[4]"],
  },
  {
    name: "where of shapes that do not broadcast",
    make: (d) => [seq(d, [2, 3]).gt(1), seq(d, [2, 3]), seq(d, [4])],
    run: ([c, a, b]) => torch.where(c!, a!, b!),
    message: [/\bwhere\b/, "[2, 3]", "[4]"],
  },
  {
    name: "cat of tensors whose sizes differ outside the dimension",
    make: (d) => [seq(d, [2, 3]), seq(d, [2, 4])],
    run: (ts) => torch.cat(ts, 0),
    message: [/\bcat\b/, "[2, 3]", "[2, 4]"],
  },
  {
    name: "view to a shape of another size",
    make: (d) => [seq(d, [2, 3])],
    run: ([x]) => x!.view([4, 4]),
    message: [/\bview\b/, "[4, 4]", "6"],
  },
  {
    name: "view of a transposed tensor across its strides",
    make: (d) => [seq(d, [3, 4])],
    run: ([x]) => x!.t().view([12]),
    message: [/\bview\b/, "[4, 3]", "[12]", "reshape"],
  },
  {
    name: "reshape to a shape of another size",
    make: (d) => [seq(d, [2, 3])],
    run: ([x]) => x!.reshape([5]),
    message: [/\breshape\b/, "[5]", "6"],
  },
  {
    name: "expand of a non-singleton dimension",
    make: (d) => [seq(d, [3, 2])],
    run: ([x]) => x!.expand([3, 4]),
    message: [/expand/, "[3, 4]", "[3, 2]"],
  },
  {
    name: "mean of an integer tensor",
    make: (d) => [seq(d, [4], { dtype: "int32" })],
    run: ([x]) => x!.mean(),
    message: [/\bmean\b/, /Int/],
  },
  // In-place ops validate before they write.
  {
    name: "add_ whose result does not fit the target shape",
    make: (d) => [seq(d, [2, 1]), seq(d, [2, 3])],
    run: ([x, y]) => x!.add_(y!),
    message: [/\badd_\b/, "[2, 1]", "[2, 3]"],
  },
  {
    name: "add_ of shapes that do not broadcast",
    make: (d) => [seq(d, [2, 3]), seq(d, [2, 4])],
    run: ([x, y]) => x!.add_(y!),
    message: [/\badd/, "[2, 3]", "[2, 4]"],
  },
  {
    name: "add_ of a float into an integer tensor",
    make: (d) => [seq(d, [4], { dtype: "int32" })],
    run: ([x]) => x!.add_(2.5),
    message: [/\badd_\b/, "Float", "Int"],
  },
  {
    name: "mul_ on a leaf that requires grad",
    make: (d) => [seq(d, [3], { requires_grad: true })],
    run: ([x]) => x!.mul_(2),
    message: [/\bmul_\b/, "leaf"],
  },
  {
    name: "masked_fill_ with a non-boolean mask",
    make: (d) => [seq(d, [4]), seq(d, [4], { dtype: "int32" })],
    run: ([x, m]) => x!.masked_fill_(m!, 0),
    message: [/masked_fill/, "int32"],
  },
  {
    name: "copy_ from a tensor that does not broadcast",
    make: (d) => [seq(d, [2, 3]), seq(d, [2, 4])],
    run: ([x, y]) => x!.copy_(y!),
    message: ["[2, 3]", "[2, 4]"],
  },
  // Sorting, scans, triangles, closeness, einsum, scatter and norms.
  {
    name: "topk with k larger than the dimension",
    make: (d) => [seq(d, [2, 3], { requires_grad: true })],
    run: ([x]) => x!.topk(4),
    message: [/\btopk\b/, "k out of range", "[2, 3]"],
  },
  {
    name: "sort along a dimension that does not exist",
    make: (d) => [seq(d, [2, 3])],
    run: ([x]) => x!.sort(2),
    message: [/\bsort\b/, "Dimension out of range"],
  },
  {
    name: "cumsum along a dimension that does not exist",
    make: (d) => [seq(d, [4])],
    run: ([x]) => x!.cumsum(1),
    message: [/\bcumsum\b/, "Dimension out of range"],
  },
  {
    name: "tril of a vector",
    make: (d) => [seq(d, [4])],
    run: ([x]) => x!.tril(),
    message: [/\btril\b/, "at least 2 dimensions", "[4]"],
  },
  {
    name: "triu_ of a 1-D tensor",
    make: (d) => [seq(d, [4])],
    run: ([x]) => x!.triu_(),
    message: ["triu_", "at least 2 dimensions", "[4]"],
  },
  {
    name: "isclose of different dtypes",
    make: (d) => [seq(d, [3]), seq(d, [3], { dtype: "int32" })],
    run: ([a, b]) => torch.isclose(a!, b!),
    message: [/\bisclose\b/, "Float did not match Int"],
  },
  {
    name: "einsum with too few subscripts",
    make: (d) => [seq(d, [2, 3, 4]), seq(d, [4, 5])],
    run: ([a, b]) => torch.einsum("ij,jk->ik", a!, b!),
    message: [/\beinsum\b/, "subscripts in the equation (2)", "dimensions (3) for operand 0"],
  },
  {
    name: "einsum of contracted sizes that differ",
    make: (d) => [seq(d, [2, 3]), seq(d, [4, 5])],
    run: ([a, b]) => torch.einsum("ij,jk->ik", a!, b!),
    message: [/\beinsum\b/, "subscript j has size 4", "[4, 5]", "size 3"],
  },
  {
    name: "scatter of a src of another dtype",
    make: (d) => [seq(d, [2, 3]), seq(d, [2, 1], { dtype: "int32" }), seq(d, [2, 1], { dtype: "int32" })],
    run: ([x, i, s]) => x!.scatter(1, i!, s!),
    message: [/\bscatter\b/, "float32", "int32"],
  },
  {
    name: "scatter_ with an index larger than self",
    make: (d) => [seq(d, [2, 3]), seq(d, [3, 1], { dtype: "int32" }), seq(d, [3, 1])],
    run: ([x, i, s]) => x!.scatter_(1, i!, s!),
    message: ["scatter_", "index [3, 1]", "self [2, 3]"],
  },
  {
    name: "scatter_add of an index of another rank",
    make: (d) => [seq(d, [2, 3]), seq(d, [2], { dtype: "int32" }), seq(d, [2])],
    run: ([x, i, s]) => x!.scatter_add(1, i!, s!),
    message: [/\bscatter_add\b/, "same number of dimensions", "[2]", "[2, 3]"],
  },
  {
    name: "multinomial of more samples than categories without replacement",
    make: (d) => [seq(d, [2, 3])],
    run: ([p]) => p!.multinomial(4),
    message: [/\bmultinomial\b/, "without replacement", "4 > 3"],
  },
  {
    name: "multinomial of integer weights",
    make: (d) => [seq(d, [3], { dtype: "int32" })],
    run: ([p]) => torch.multinomial(p!, 1),
    message: [/\bmultinomial\b/, "floating-point", "Int"],
  },
  {
    name: "matrix_norm of a vector",
    make: (d) => [seq(d, [4])],
    run: ([x]) => torch.linalg.matrix_norm(x!),
    message: [/matrix_norm/, "at least 2 dimensions", "[4]"],
  },
  {
    name: "linalg.norm with the nuclear norm",
    make: (d) => [seq(d, [3, 3])],
    run: ([x]) => torch.linalg.norm(x!, "nuc"),
    message: [/matrix_norm/, "nuc", "singular values"],
  },
];

/** What a failed op must leave as it was: a tensor's layout, version, autograd state and data. */
export interface Snapshot {
  shape: number[];
  strides: number[];
  offset: number;
  dtype: torch.DType;
  version: number;
  requires_grad: boolean;
  grad_fn: torch.Tensor["grad_fn"];
  grad: torch.Tensor | null;
  data: number[];
}

/** Record `t` for a later comparison (see {@link Snapshot}). */
export async function snapshot(t: torch.Tensor): Promise<Snapshot> {
  return {
    shape: [...t.shape], strides: t.stride(), offset: t.offset, dtype: t.dtype, version: t._version,
    requires_grad: t.requires_grad, grad_fn: t.grad_fn, grad: t.grad, data: Array.from(await t.data()),
  };
}

/** Register one `it` per error case on `device`. */
export function registerErrorTests(device: string): void {
  for (const c of ERROR_CASES) {
    it(`${c.name} throws naming the op and shapes, leaving its inputs unchanged`, async () => {
      const inputs = c.make(device);
      const before = await Promise.all(inputs.map(snapshot));
      let error: unknown = null;
      try {
        c.run(inputs);
      } catch (e) {
        error = e;
      }
      expect(error, "the op should throw").toBeInstanceOf(Error);
      const message = (error as Error).message;
      for (const m of c.message) {
        if (typeof m === "string") expect(message).toContain(m);
        else expect(message).toMatch(m);
      }
      const after = await Promise.all(inputs.map(snapshot));
      after.forEach((a, i) => {
        const b = before[i]!;
        expect(a.grad_fn, `input ${i} grad_fn`).toBe(b.grad_fn);
        expect(a.grad, `input ${i} grad`).toBe(b.grad);
        expect({ ...a, grad_fn: null, grad: null }, `input ${i}`).toEqual({ ...b, grad_fn: null, grad: null });
      });
    });
  }
}
