/**
 * Python's spelling of values, so messages and `toString()` read as PyTorch's do
 * (`Invalid learning rate: 1e-05`, `betas: (0.9, 0.999)`, `nesterov: False`).
 */

/** A number as Python's `repr` writes it (JavaScript cannot tell `1.0` from `1`: integers print as ints). */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  const a = Math.abs(x);
  // Python switches to exponent notation below 1e-4 (JavaScript only below 1e-6).
  if (a < 1e-4 || a >= 1e16) return padExponent(x.toExponential());
  return String(x);
}

/** A value as Python prints it: `True`, `None`, tuples in parentheses. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyNumber(v);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return `(${v.map(pyRepr).join(", ")}${v.length === 1 ? "," : ""})`;
  return String(v);
}

/** Python's `'{:.4e}'.format(x)`, as the schedulers' verbose messages use. */
export function sci4(x: number): string {
  return padExponent(x.toExponential(4));
}

function padExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** Python's name for the type of a value, as `torch.typename` gives it in error messages. */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return v.constructor?.name ?? "object";
  return typeof v;
}
