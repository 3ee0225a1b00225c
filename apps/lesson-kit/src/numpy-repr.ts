/**
 * NumPy's printed form of an array, for the typed arrays that stand in for NumPy arrays in the
 * lessons (`torch.np.random` returns `Float64Array`s that carry a `shape`). It follows NumPy's
 * default print options (`precision=8`, `floatmode='maxprec'`, `linewidth=75`) and its line
 * wrapping, so `pprint` of lesson 1's dataset matches the lesson character for character.
 * Arrays over NumPy's summary threshold (1000 elements) are printed in full.
 */
import type { NumericTypedArray } from "@flambeau/plotting";

/** A typed array, optionally carrying the shape it was made with (NumPy's `ndarray`). */
export type NDArrayLike = NumericTypedArray & { readonly shape?: readonly number[] };

const PRECISION = 8;
const LINEWIDTH = 75;

/** True for typed arrays (not `DataView`s), which print as NumPy arrays. */
export function isNDArrayLike(v: unknown): v is NDArrayLike {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/** NumPy's `repr(a)`: `array([0.5, 1. ])`, with `dtype=float32` where NumPy would say so. */
export function ndarrayRepr(a: NDArrayLike): string {
  // Int32 stands for NumPy's default int64 here, as it does for tensors; float32 is not default.
  const suffix = a instanceof Float32Array ? ", dtype=float32" : "";
  const body = formatArray(a, "array(", suffix + ")", ", ");
  return `array(${body}${suffix})`;
}

/** NumPy's `str(a)` (what `print(a)` shows): `[0.5 1. ]`. */
export function ndarrayStr(a: NDArrayLike): string {
  return formatArray(a, "", "", " ");
}

function formatArray(a: NDArrayLike, prefix: string, suffix: string, separator: string): string {
  const shape = a.shape ?? [a.length];
  if (a.length === 0) return "[]";
  const fmt = elementFormatter(a);
  const lineWidth = LINEWIDTH - suffix.length;
  const strides: number[] = [];
  for (let d = shape.length - 1, s = 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }

  // NumPy's `_formatArray` recurser: rows wrap at the line width under a hanging indent.
  const recurse = (offset: number, dim: number, hanging: string, width: number): string => {
    if (dim === shape.length) return fmt(a[offset]!);
    const nextHanging = hanging + " ";
    const n = shape[dim]!;
    if (dim === shape.length - 1) {
      const elemWidth = width - Math.max(separator.trimEnd().length, 1);
      let s = "";
      let line = hanging;
      for (let i = 0; i < n; i++) {
        const word = recurse(offset + i * strides[dim]!, dim + 1, nextHanging, width - 1);
        [s, line] = extendLine(s, line, word, elemWidth, hanging);
        if (i < n - 1) line += separator;
      }
      return "[" + (s + line).slice(hanging.length) + "]";
    }
    const between = separator.trimEnd() + "\n".repeat(shape.length - dim - 1);
    const rows: string[] = [];
    for (let i = 0; i < n; i++) rows.push(recurse(offset + i * strides[dim]!, dim + 1, nextHanging, width - 1));
    return "[" + rows.join(between + hanging) + "]";
  };
  return recurse(0, 0, " ".repeat(prefix.length + 1), lineWidth);
}

function extendLine(s: string, line: string, word: string, width: number, hanging: string): [string, string] {
  // NumPy does not wrap a line that holds nothing but the indent: it would not help.
  const wrap = line.length + word.length > width && line.length > hanging.length;
  if (wrap) return [s + line.trimEnd() + "\n", hanging + word];
  return [s, line + word];
}

/** A formatter padding every element to a common width, as NumPy's FloatingFormat/IntegerFormat. */
function elementFormatter(a: NDArrayLike): (x: number) => string {
  const values = Array.from(a as ArrayLike<number>);
  if (!(a instanceof Float32Array || a instanceof Float64Array)) {
    const width = Math.max(...values.map((v) => String(v).length));
    return (x) => String(x).padStart(width);
  }
  // A float32 element prints with the fewest digits that read back as the same float32, as NumPy does.
  const digits = a instanceof Float32Array ? shortestFloat32 : (x: number) => x;
  const finite = values.filter(Number.isFinite).map(digits);
  const abs = finite.map(Math.abs).filter((v) => v !== 0);
  const max = abs.length ? Math.max(...abs) : 0;
  const min = abs.length ? Math.min(...abs) : 0;
  const scientific = max >= 1e8 || (abs.length > 0 && (min < 1e-4 || max / min > 1e3));
  const parts = finite.map((v) => splitNumber(v, scientific));
  const padLeft = Math.max(0, ...parts.map((p) => p.int.length));
  const padRight = Math.max(0, ...parts.map((p) => p.frac.length));
  const padExp = Math.max(0, ...parts.map((p) => p.exp.length));
  return (x) => {
    if (!Number.isFinite(x)) {
      const word = Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
      return word.padStart(padLeft + padRight + 1 + padExp);
    }
    const p = splitNumber(digits(x), scientific);
    return p.int.padStart(padLeft) + "." + p.frac.padEnd(padRight) + p.exp;
  };
}

// The shortest digits that read back as x, cut to PRECISION fractional digits (dragon4 'maxprec').
function splitNumber(x: number, scientific: boolean): { int: string; frac: string; exp: string } {
  if (scientific) {
    let [mant, exp] = x.toExponential().split("e") as [string, string];
    if ((mant.split(".")[1]?.length ?? 0) > PRECISION) mant = trimZeros(x.toExponential(PRECISION).split("e")[0]!);
    const e = Number(exp);
    const [int, frac = ""] = mant.split(".") as [string, string?];
    return { int, frac, exp: `e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}` };
  }
  let s = Math.abs(x) < 1e21 && !String(x).includes("e") ? String(x) : x.toFixed(PRECISION);
  if ((s.split(".")[1]?.length ?? 0) > PRECISION) s = trimZeros(x.toFixed(PRECISION));
  const [int, frac = ""] = s.split(".") as [string, string?];
  return { int: Object.is(x, -0) ? "-0" : int, frac, exp: "" };
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "") : s;
}

/** The shortest decimal that rounds to the same float32 as `x`, as a double. */
function shortestFloat32(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let p = 1; p < 9; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === x) return v;
  }
  return Number(x.toPrecision(9));
}
