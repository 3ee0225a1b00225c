/**
 * Python's spelling of values in printed modules, so `toString()` matches `print(model)`
 * character for character (`1e-05`, `True`, `None`, `(4,)`, `'tanh'`).
 */

/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 or from 1e16. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return (Object.is(x, -0) ? "-" : "") + Math.abs(x).toFixed(1);
  // JavaScript prints the same shortest digits; only the switch to exponent form differs.
  const [mantissa, exp] = x.toExponential().split("e") as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return String(x);
}

/** Python's `repr(bool)`. */
export function pyBool(b: boolean): string {
  return b ? "True" : "False";
}

/** A float or `None`. */
export function pyOptionalFloat(x: number | null): string {
  return x === null ? "None" : pyFloat(x);
}

/** Python's `repr(tuple)`: `(4,)`, `(2, 4)`. */
export function pyTuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`;
}

/** `torch.Size([2, 3])`, as PyTorch prints shapes in messages. */
export function torchSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

/** PyTorch's `_addindent`: indent every line but the first. */
export function addIndent(s: string, spaces: number): string {
  const lines = s.split("\n");
  if (lines.length === 1) return s;
  const pad = " ".repeat(spaces);
  return [lines[0], ...lines.slice(1).map((l) => pad + l)].join("\n");
}

/** PyTorch's `Module.__repr__`, given the module's name, `extra_repr()` and children. */
export function formatModule(name: string, extra: string, children: Iterable<[string, { toString(): string } | null]>): string {
  const extraLines = extra ? extra.split("\n") : [];
  const childLines: string[] = [];
  for (const [key, child] of children) childLines.push(`(${key}): ${addIndent(child === null ? "None" : child.toString(), 2)}`);
  const lines = [...extraLines, ...childLines];
  let body = "";
  if (lines.length > 0) body = extraLines.length === 1 && childLines.length === 0 ? extraLines[0]! : `\n  ${lines.join("\n  ")}\n`;
  return `${name}(${body})`;
}
