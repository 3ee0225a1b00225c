import { contiguousStrides, numel as sizeOf } from "./shape.js";
import type { Tensor } from "./tensor.js";

// PyTorch's default print options (torch/_tensor_str.py, profile "default"; sci_mode automatic).
const PRECISION = 4;
const THRESHOLD = 1000; // more elements than this: print only EDGEITEMS at each end of each dim
const EDGEITEMS = 3;
const LINEWIDTH = 80;
const PREFIX = "tensor(";
const ELLIPSIS = -1; // marks the `...` in a summarised dimension's list of indices

/**
 * PyTorch's `str(tensor)` / `repr(tensor)`, character for character: `tensor([[ 73.,  67.],
 * [ 91.,  88.]])`, with the same number formats, widths, wrapping at 80 columns, summaries
 * of tensors over 1000 elements and suffixes (`device=`, `dtype=`, `grad_fn=`/`requires_grad=`).
 * Tensors whose data can't be read synchronously (GPU) print a placeholder instead of values.
 */
export function formatTensor(t: Tensor): string {
  const shape = t.shape;
  const numel = sizeOf(shape);
  const suffixes: string[] = [];
  // PyTorch prints the device whenever it isn't the default (CPU) one.
  if (t.device.type !== "cpu") suffixes.push(`device='${t.device.toString()}'`);
  // PyTorch's default dtypes (float32, int64, bool) print no dtype. int32, which whole-number
  // literals that fit it give here (PyTorch: int64), prints as int64 does, so ported output matches.
  const dtypeSuffix = `dtype=torch.${t.dtype}`;
  const defaultDtype = t.dtype === "float32" || t.dtype === "bool" || t.dtype === "int32" || t.dtype === "int64";

  let body: string;
  const data = numel === 0 ? "[]" : readData(t);
  if (typeof data === "string") {
    // No values shown (empty, or unreadable like PyTorch's meta tensors): print the size, except
    // for shape (0,) which `[]` already says, and the dtype unless it is float32, as PyTorch does.
    body = data;
    if (numel !== 0 || shape.length !== 1) suffixes.push(`size=${pyTuple(shape)}`);
    // An empty int32 tensor prints as the int64 tensor it stands for; unreadable ones say int32.
    if (t.dtype !== "float32") suffixes.push(numel === 0 && t.dtype === "int32" ? "dtype=torch.int64" : dtypeSuffix);
  } else {
    if (!defaultDtype) suffixes.push(dtypeSuffix);
    body = formatData(data, shape, t.dtype, numel > THRESHOLD);
  }

  if (t.grad_fn) suffixes.push(`grad_fn=<${t.grad_fn.name()}>`);
  else if (t.requires_grad) suffixes.push("requires_grad=True");
  return addSuffixes(PREFIX + body, suffixes);
}

type Values = ArrayLike<number>;

/** The elements, or a placeholder where they can't be read synchronously (GPU, disposed). */
function readData(t: Tensor): Values | string {
  try {
    return t.dataSync();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/dispos/i.test(msg)) return "<disposed>";
    return `<data on device '${t.device.toString()}': use await t.data() to read>`;
  }
}

/** Python's `str(tuple(shape))`: `(0, 3)`, `(5,)`. */
function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** PyTorch's `_add_suffixes`: a suffix that would pass the line width starts a new line. */
function addSuffixes(s: string, suffixes: string[]): string {
  const indent = PREFIX.length;
  // PyTorch's own arithmetic (including its +1), so lines break exactly where it breaks them.
  let last = s.length - s.lastIndexOf("\n") + 1;
  for (const suffix of suffixes) {
    if (last + suffix.length + 2 > LINEWIDTH) {
      s += ",\n" + " ".repeat(indent) + suffix;
      last = indent + suffix.length;
    } else {
      s += ", " + suffix;
      last += suffix.length + 2;
    }
  }
  return s + ")";
}

/** The indices printed along a dimension of size n, with ELLIPSIS where a summary skips. */
function kept(n: number, summarize: boolean): number[] {
  if (summarize && n > 2 * EDGEITEMS) {
    const head = Array.from({ length: EDGEITEMS }, (_, i) => i);
    return [...head, ELLIPSIS, ...head.map((i) => n - EDGEITEMS + i)];
  }
  return Array.from({ length: n }, (_, i) => i);
}

/** The nested `[...]` text, PyTorch's `_tensor_str` for a non-empty tensor. */
function formatData(data: Values, shape: readonly number[], dtype: string, summarize: boolean): string {
  const rank = shape.length;
  const strides = contiguousStrides(shape);
  const bool = dtype === "bool";
  const float = dtype === "float32" || dtype === "float64";

  // The offsets of the printed elements, in order: only these size the columns (as in
  // PyTorch, which builds its formatter from the summarised data).
  const offsets: number[] = [];
  const collect = (offset: number, dim: number): void => {
    if (dim === rank) offsets.push(offset);
    else
      for (const i of kept(shape[dim]!, summarize))
        if (i !== ELLIPSIS) collect(offset + i * strides[dim]!, dim + 1);
  };
  collect(0, 0);
  const values = offsets.map((o) => data[o]!);
  const fmt = float ? floatFormatter(values) : intFormatter(values, bool);

  const block = (offset: number, dim: number, indent: number): string => {
    if (dim === rank) return fmt.format(data[offset]!); // 0-d
    const idx = kept(shape[dim]!, summarize);
    if (dim === rank - 1) {
      // A row: as many elements a line as fit in the width left after the indent.
      const items = idx.map((i) => (i === ELLIPSIS ? " ..." : fmt.format(data[offset + i]!)));
      const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / (fmt.width + 2)));
      const lines: string[] = [];
      for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(", "));
      return "[" + lines.join(",\n" + " ".repeat(indent + 1)) + "]";
    }
    // Sub-blocks are separated by one blank line per dimension below the rows (none between rows).
    const sub = (i: number): string => block(offset + i * strides[dim]!, dim + 1, indent + 1);
    const parts = idx.map((i) => (i === ELLIPSIS ? "..." : sub(i)));
    return "[" + parts.join("," + "\n".repeat(rank - dim - 1) + " ".repeat(indent + 1)) + "]";
  };
  return block(0, 0, PREFIX.length);
}

interface Formatter {
  width: number;
  format(v: number): string; // right-aligned to width
}

function padded(width: number, str: (v: number) => string): Formatter {
  return { width, format: (v) => str(v).padStart(width) };
}

/** int32 and bool elements: Python's `str` of the int or bool, right-aligned. */
function intFormatter(values: number[], bool: boolean): Formatter {
  const str = bool ? (v: number) => (v !== 0 ? "True" : "False") : (v: number) => String(v);
  return padded(Math.max(1, ...values.map((v) => str(v).length)), str);
}

/**
 * PyTorch's `_Formatter` for floats: one format for the whole tensor, chosen from its nonzero
 * finite values. All integers: `73.`; otherwise 4 decimals; scientific when the magnitudes span
 * over 1000x, exceed 1e8 or (non-integers only) go below 1e-4. nan/inf never affect the choice.
 */
function floatFormatter(values: number[]): Formatter {
  const nz = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  let max = 0;
  let min = Infinity;
  for (const v of nz) [max, min] = [Math.max(max, v), Math.min(min, v)];
  const intMode = nz.every(Number.isInteger);
  const sci = nz.length > 0 && (max / min > 1000 || max > 1e8 || (!intMode && min < 1e-4));
  const widest = (f: (v: number) => string, extra = 0): number =>
    values.reduce((w, v) => (Number.isFinite(v) && v !== 0 ? Math.max(w, f(v).length + extra) : w), 1);
  if (sci) return padded(widest(toExponential), toExponential);
  // Integer mode marks finite values with a trailing point, hence the +1 width (nan/inf get none).
  if (intMode) {
    return padded(widest((v) => toFixed(v, 0), 1), (v) => toFixed(v, 0) + (Number.isFinite(v) ? "." : ""));
  }
  return padded(widest((v) => toFixed(v, PRECISION)), (v) => toFixed(v, PRECISION));
}

// Python's float formatting rounds the exact binary value half-to-even; JavaScript's toFixed /
// toExponential break ties away from zero (0.03125 -> "0.0313", Python "0.0312"), so the digits
// are computed exactly here with BigInt.

/** |x| as digits / 10^scale, exactly (x finite). */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const biased = hi >>> 20;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) mant |= 1n << 52n; // normal numbers have the implicit leading 1
  const e2 = (biased === 0 ? 1 : biased) - 1075; // |x| = mant * 2^e2
  if (e2 >= 0) return { digits: mant << BigInt(e2), scale: 0 };
  return { digits: mant * 5n ** BigInt(-e2), scale: -e2 }; // m/2^k = m*5^k / 10^k
}

/** Round n * 10^shift to an integer, ties to even. */
function shiftRound(n: bigint, shift: number): bigint {
  if (shift >= 0) return n * 10n ** BigInt(shift);
  const d = 10n ** BigInt(-shift);
  const q = n / d;
  const r2 = (n % d) * 2n;
  return r2 > d || (r2 === d && q % 2n === 1n) ? q + 1n : q;
}

/** Python's nan/inf spellings, or null for a finite value. */
function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return "nan";
  return Number.isFinite(x) ? null : x > 0 ? "inf" : "-inf";
}

function sign(x: number): string {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

/** Python's `'{:.{p}f}'.format(x)`. */
function toFixed(x: number, p: number): string {
  const nf = nonFinite(x);
  if (nf) return nf;
  const { digits, scale } = exactDecimal(x);
  const s = shiftRound(digits, p - scale).toString().padStart(p + 1, "0");
  return sign(x) + (p === 0 ? s : s.slice(0, -p) + "." + s.slice(-p));
}

/** Python's `'{:.4e}'.format(x)`: 4 decimals, exponent signed and at least two digits. */
function toExponential(x: number): string {
  const nf = nonFinite(x);
  if (nf) return nf;
  let q = 0n;
  let exp = 0;
  if (x !== 0) {
    const { digits, scale } = exactDecimal(x);
    const len = digits.toString().length;
    exp = len - 1 - scale;
    q = shiftRound(digits, PRECISION + 1 - len);
    if (q >= 10n ** BigInt(PRECISION + 1)) [q, exp] = [q / 10n, exp + 1]; // 9.99995 -> 1.0000e+01
  }
  const s = q.toString().padStart(PRECISION + 1, "0");
  const e = (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
  return `${sign(x)}${s[0]}.${s.slice(1)}e${e}`;
}
