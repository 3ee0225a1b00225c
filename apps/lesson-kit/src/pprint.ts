/**
 * Python's `pprint.pformat`: a dict or list whose repr passes 80 columns is written one entry a
 * line, dict keys sorted, nested containers indented under their opening bracket. Other values
 * keep their own repr, newlines and all (that is how lesson 1's NumPy arrays print).
 */
import { isPlainObject, pyStringRepr, repr } from "./pyrepr.js";

const WIDTH = 80;

/**
 * `pprint.pformat(value)`.
 *
 * @example
 * ```ts
 * pformat({ true_m: 1.5, x: Int32Array.of(0, 1) }); // "{'true_m': 1.5, 'x': array([0, 1])}"
 * ```
 */
export function pformat(value: unknown): string {
  return formatValue(sortDicts(value), 0, 0);
}

// Python's pprint sorts dict keys before printing (sort_dicts=True).
function sortDicts(v: unknown): unknown {
  if (isPlainObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDicts(v[k])]));
  if (Array.isArray(v)) return v.map(sortDicts);
  return v;
}

function formatValue(v: unknown, indent: number, allowance: number): string {
  const rep = repr(v);
  if (rep.length <= WIDTH - indent - allowance) return rep;
  if (isPlainObject(v)) return formatDict(v, indent, allowance);
  if (Array.isArray(v)) return formatList(v, indent, allowance);
  return rep;
}

function formatDict(d: Record<string, unknown>, indent: number, allowance: number): string {
  const entries = Object.entries(d);
  const inner = indent + 1;
  const parts = entries.map(([k, v], i) => {
    const key = pyStringRepr(k);
    const last = i === entries.length - 1;
    return `${key}: ${formatValue(v, inner + key.length + 2, last ? allowance + 1 : 1)}`;
  });
  return `{${parts.join(",\n" + " ".repeat(inner))}}`;
}

function formatList(items: readonly unknown[], indent: number, allowance: number): string {
  const inner = indent + 1;
  const parts = items.map((v, i) => formatValue(v, inner, i === items.length - 1 ? allowance + 1 : 1));
  return `[${parts.join(",\n" + " ".repeat(inner))}]`;
}
