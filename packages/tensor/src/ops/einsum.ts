import { fmtShape } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { checkTensor } from "./checks.js";
import { eye } from "./creation.js";
import { unary } from "./elementwise.js";
import { matmul } from "./linalg.js";
import { sum } from "./reduce.js";
import { masked_fill } from "./select.js";
import { expand, permute, reshape } from "./view.js";

/** An operand with one label per dimension (ellipsis dimensions get labels `…0`, `…1` from the right). */
interface Labelled {
  t: Tensor;
  labels: string[];
}

const isLetter = (c: string) => /^[A-Za-z]$/.test(c);

function parseTerm(term: string, where: string): { letters: string[]; ellipsisAt: number } {
  const letters: string[] = [];
  let ellipsisAt = -1;
  for (let i = 0; i < term.length; ) {
    if (term.startsWith("...", i)) {
      if (ellipsisAt >= 0) throw new Error(`einsum(): found more than one ellipsis ("...") in ${where}`);
      ellipsisAt = letters.length;
      i += 3;
    } else if (isLetter(term[i]!)) letters.push(term[i++]!);
    else throw new Error(`einsum(): invalid subscript given at index ${i} in ${where} '${term}': subscripts must be letters in [a-zA-Z]`);
  }
  return { letters, ellipsisAt };
}

function ellipsisLabels(n: number): string[] {
  return Array.from({ length: n }, (_, k) => `…${n - 1 - k}`);
}

function labelOperand(term: string, t: Tensor, i: number): Labelled {
  const { letters, ellipsisAt } = parseTerm(term, `operand ${i}`);
  if (ellipsisAt < 0 && letters.length !== t.ndim)
    throw new Error(
      `einsum(): the number of subscripts in the equation (${letters.length}) does not match the number of dimensions (${t.ndim}) for operand ${i} and no ellipsis was given`,
    );
  if (ellipsisAt >= 0 && letters.length > t.ndim)
    throw new Error(
      `einsum(): the number of subscripts in the equation (${letters.length}) is more than the number of dimensions (${t.ndim}) for operand ${i}`,
    );
  const labels = ellipsisAt < 0 ? letters : [...letters.slice(0, ellipsisAt), ...ellipsisLabels(t.ndim - letters.length), ...letters.slice(ellipsisAt)];
  return { t, labels };
}

/** Take the diagonal of every label repeated within one operand (`ii->i`). */
function diagonals(op: Labelled): Labelled {
  let { t, labels } = op;
  for (let q = 0; q < labels.length; q++) {
    const p = labels.indexOf(labels[q]!);
    if (p === q) continue;
    const n = t.shape[p]!;
    if (t.shape[q] !== n)
      throw new Error(`einsum(): subscript ${labels[q]} is repeated for an operand but the sizes don't match, ${n} != ${t.shape[q]}`);
    const mask = reshape(unary("logical_not", eye(n, { dtype: "bool", device: t.device })), t.shape.map((s, i) => (i === p || i === q ? n : 1)));
    t = sum(masked_fill(t, mask, 0), q);
    labels = labels.filter((_, i) => i !== q);
    q--;
  }
  return { t, labels };
}

/** Sum away the labels of `op` not in `keep`. */
function sumOut(op: Labelled, keep: Set<string>): Labelled {
  const dims = op.labels.flatMap((l, i) => (keep.has(l) ? [] : [i]));
  if (dims.length === 0) return op;
  return { t: sum(op.t, dims), labels: op.labels.filter((l) => keep.has(l)) };
}

/** Arrange `op`'s dimensions in `order`, broadcasting each to `sizes`. */
function arrange(op: Labelled, order: string[], sizes: Map<string, number>): Tensor {
  const t = permute(op.t, order.map((l) => op.labels.indexOf(l)));
  const target = order.map((l) => sizes.get(l)!);
  return t.shape.every((s, i) => s === target[i]) ? t : expand(t, target);
}

/** Contract two operands with one batched matmul, keeping the labels in `keep`. */
function contract(a: Labelled, b: Labelled, keep: Set<string>, sizes: Map<string, number>): Labelled {
  const inB = new Set(b.labels), inA = new Set(a.labels);
  const batch = a.labels.filter((l) => inB.has(l) && keep.has(l));
  const summed = a.labels.filter((l) => inB.has(l) && !keep.has(l));
  const left = a.labels.filter((l) => !inB.has(l)), right = b.labels.filter((l) => !inA.has(l));
  const size = (ls: string[]) => ls.reduce((p, l) => p * sizes.get(l)!, 1);
  const am = reshape(arrange(a, [...batch, ...left, ...summed], sizes), [size(batch), size(left), size(summed)]);
  const bm = reshape(arrange(b, [...batch, ...summed, ...right], sizes), [size(batch), size(summed), size(right)]);
  const labels = [...batch, ...left, ...right];
  return { t: reshape(matmul(am, bm), labels.map((l) => sizes.get(l)!)), labels };
}

/**
 * `torch.einsum(equation, *operands)`: sums of products named by subscripts, as in PyTorch
 * and NumPy: `"ij,jk->ik"` is a matrix product, `"bij,bjk->bik"` a batched one, `"ii->i"` a
 * diagonal, `"...ij->...ji"` a batched transpose. Without `->` the output is the subscripts
 * that appear once, in alphabetical order. Operands are contracted pairwise, left to right,
 * with batched matmuls; gradients flow to every operand.
 *
 * @example
 * ```ts
 * torch.einsum("ij,jk->ik", a, b); // a.matmul(b)
 * torch.einsum("bhqd,bhkd->bhqk", q, k); // attention scores
 * torch.einsum("i,i->", x, y); // dot product
 * ```
 */
export function einsum(equation: string, ...operands: (Tensor | readonly Tensor[])[]): Tensor {
  const ops = (operands.length === 1 && Array.isArray(operands[0]) ? operands[0] : operands) as Tensor[];
  if (typeof equation !== "string") throw new TypeError(`einsum(): argument 'equation' must be a string, not ${typeof equation}`);
  ops.forEach((t, i) => checkTensor("einsum", `operands[${i}]`, t));
  const eq = equation.replace(/\s+/g, "");
  const arrow = eq.indexOf("->");
  const lhs = arrow < 0 ? eq : eq.slice(0, arrow);
  const terms = lhs.split(",");
  if (terms.length !== ops.length)
    throw new Error(`einsum(): ${terms.length} operands in the equation '${equation}' but ${ops.length} tensors were given`);
  if (ops.length === 0) throw new Error("einsum(): must provide at least one operand");
  let labelled = ops.map((t, i) => labelOperand(terms[i]!, t, i));
  const device = ops[0]!.device;
  for (const t of ops)
    if (t.device.type !== device.type) throw new Error(`einsum(): expected all operands on one device, but found ${device} and ${t.device}`);
  // Each label's size, with size-1 dimensions broadcasting as PyTorch allows.
  const sizes = new Map<string, number>();
  labelled.forEach((op, i) =>
    op.labels.forEach((l, d) => {
      const s = op.t.shape[d]!, seen = sizes.get(l);
      if (seen === undefined || seen === 1) sizes.set(l, s);
      else if (s !== seen && s !== 1)
        throw new Error(
          `einsum(): operands do not broadcast: subscript ${l.startsWith("…") ? "..." : l} has size ${s} for operand ${i} (shape ${fmtShape(op.t.shape)}) which does not match previously seen size ${seen}`,
        );
    }),
  );
  const maxEllipsis = Math.max(0, ...labelled.map((op) => op.labels.filter((l) => l.startsWith("…")).length));
  let output: string[];
  if (arrow < 0) {
    const counts = new Map<string, number>();
    for (const op of labelled) for (const l of op.labels) if (!l.startsWith("…")) counts.set(l, (counts.get(l) ?? 0) + 1);
    output = [...ellipsisLabels(maxEllipsis), ...[...counts].filter(([, c]) => c === 1).map(([l]) => l).sort()];
  } else {
    const { letters, ellipsisAt } = parseTerm(eq.slice(arrow + 2), "the output");
    for (const l of letters) {
      if (letters.indexOf(l) !== letters.lastIndexOf(l)) throw new Error(`einsum(): output subscript ${l} appears more than once in the output`);
      if (!sizes.has(l)) throw new Error(`einsum(): output subscript ${l} does not appear in the equation for any input operand`);
    }
    output = ellipsisAt < 0 ? letters : [...letters.slice(0, ellipsisAt), ...ellipsisLabels(maxEllipsis), ...letters.slice(ellipsisAt)];
  }
  labelled = labelled.map(diagonals);
  // Sum each label away as soon as no later operand and not the output needs it.
  const needed = (from: number) => new Set([...output, ...labelled.slice(from).flatMap((op) => op.labels)]);
  let acc = sumOut(labelled[0]!, needed(1));
  for (let i = 1; i < labelled.length; i++) {
    const keep = needed(i + 1);
    const next = sumOut(labelled[i]!, new Set([...keep, ...acc.labels]));
    acc = contract(sumOut(acc, new Set([...keep, ...next.labels])), next, keep, sizes);
  }
  acc = sumOut(acc, new Set(output));
  const result = permute(acc.t, output.map((l) => acc.labels.indexOf(l)));
  // Dimensions of size 1 that broadcast against larger ones in other operands.
  const shape = output.map((l) => sizes.get(l)!);
  return result.shape.every((s, i) => s === shape[i]) ? result : expand(result, shape);
}
