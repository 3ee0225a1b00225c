/**
 * Decision 1's keyword arguments: PyTorch's `x.sum(1, keepdim=True)` is `x.sum(1, { keepdim: true })`
 * here, and any parameter PyTorch lets you name can be named in the trailing options object.
 * Every public op binds its arguments through one function, {@link keywords}, from a signature
 * written in PyTorch's own notation, so positional and named forms agree and a misspelt key is
 * an error rather than silently ignored.
 */

import { parseKind, passesByFlags, wrongKind, type Kind } from "./kinds.js";

/** Whether `x` is an options object: a plain object literal, not a tensor, array, device or generator. */
export function isOptions(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A parsed signature: the op's name and its parameters, as in PyTorch's documentation. */
export interface Signature {
  readonly op: string;
  /** Leading operands (before `/`): given by position only, never inside the options object. */
  readonly operands: readonly string[];
  /** Parameters that may come by position or by name, in order. */
  readonly params: readonly string[];
  /** Which of `params` have no default (Python's required arguments). */
  readonly required: readonly boolean[];
  /** Keyword-only parameters (after `*`): passed to the implementation as one trailing object. */
  readonly keywordOnly: readonly string[] | null;
  /** The declared kind of each operand, parameter and keyword-only parameter, by name (kinds.ts). */
  readonly kinds: ReadonlyMap<string, Kind>;
}

/**
 * Parse `"sum(Tensor input, /, int|int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)"`:
 * names before `/` are the operands, `name=default` marks an optional parameter, names after `*`
 * are keyword-only. A kind before a name, as in PyTorch's own signatures, declares what the
 * argument must be (kinds.ts); an undeclared one is not checked here. With no `*`, the
 * implementation takes no options object.
 */
export function parseSignature(spec: string): Signature {
  const m = /^([\w.]+)\((.*)\)$/s.exec(spec.trim().replace(/\s+/g, " "));
  if (!m) throw new Error(`keywords: bad signature '${spec}'`);
  const parts = m[2]!.trim() === "" ? [] : m[2]!.split(",").map((p) => p.trim());
  const slash = parts.indexOf("/");
  const star = parts.indexOf("*");
  const kinds = new Map<string, Kind>();
  const names = (xs: string[]) =>
    xs.map((p) => {
      const [declared, ...rest] = p.split("=")[0]!.trim().split(" ");
      const name = rest.length ? rest[0]! : declared!;
      if (rest.length) kinds.set(name, parseKind(declared!));
      return name;
    });
  const positional = parts.slice(slash + 1, star < 0 ? undefined : star);
  return {
    op: m[1]!,
    operands: slash < 0 ? [] : names(parts.slice(0, slash)),
    params: names(positional),
    required: positional.map((p) => !p.includes("=")),
    keywordOnly: star < 0 ? null : names(parts.slice(star + 1)),
    kinds,
  };
}

/**
 * Every op's accepted keywords, by name, as registered by {@link keywords} and
 * {@link optionKeys}: the tests walk this table so that no op's keyword goes untested.
 */
export const KEYWORDS = new Map<string, readonly string[]>();

/** Register the keywords of an op that checks its options itself (variadic sizes, constructors). */
export function optionKeys(op: string, keys: readonly string[]): readonly string[] {
  KEYWORDS.set(op, keys);
  return keys;
}

/** Every key of the options object that `sig` accepts. */
export function acceptedKeys(sig: Signature): string[] {
  return [...sig.params, ...(sig.keywordOnly ?? [])];
}

/**
 * Turn `(operands..., positional..., options?)` into the implementation's arguments:
 * operands, then each parameter in order (named ones moved into place), then the keyword-only
 * object when the signature has one. Throws, naming the op, on an unknown key, a parameter given
 * twice, too many positional arguments, or a missing required one.
 */
export function bindArguments(sig: Signature, args: readonly unknown[]): unknown[] {
  const nOps = sig.operands.length;
  const last = args.length > nOps ? args[args.length - 1] : undefined;
  const options = isOptions(last) ? last : null;
  const out = options ? args.slice(0, -1) : args.slice();
  // A trailing `undefined` is an argument left out, as JavaScript's defaults treat it.
  while (out.length > nOps && out[out.length - 1] === undefined) out.pop();
  const max = nOps + sig.params.length;
  if (out.length > max)
    throw new TypeError(
      `${sig.op}() takes at most ${sig.params.length} positional argument${sig.params.length === 1 ? "" : "s"} after ${sig.operands.join(", ") || "none"} but ${out.length - nOps} were given${sig.keywordOnly?.length ? `; pass ${sig.keywordOnly.join(", ")} in the options object` : ""}`,
    );
  let kw: Record<string, unknown> | undefined;
  if (options) {
    for (const key of Object.keys(options)) {
      const value = options[key];
      const i = sig.params.indexOf(key);
      if (i >= 0) {
        if (out[nOps + i] !== undefined && value !== undefined)
          throw new TypeError(`${sig.op}() got multiple values for argument '${key}' (by position and in the options object)`);
        if (value !== undefined) {
          while (out.length < nOps + i) out.push(undefined);
          out[nOps + i] = value;
        }
      } else if (sig.keywordOnly?.includes(key)) {
        if (value !== undefined) (kw ??= {})[key] = value;
      } else throw unknownKeyword(sig.op, key, acceptedKeys(sig));
    }
  }
  for (let i = 0; i < sig.params.length; i++)
    if (sig.required[i] && out[nOps + i] === undefined)
      throw new TypeError(`${sig.op}() missing required argument '${sig.params[i]}': got undefined; give it by position or in the options object`);
  if (sig.keywordOnly !== null && kw !== undefined) {
    while (out.length < max) out.push(undefined);
    out.push(kw);
  }
  return out;
}

/**
 * Wrap an op's implementation (which takes its parameters by position, then its keyword-only
 * ones as one object) so callers may also name any parameter in a trailing options object.
 *
 * @typeParam F - the implementation's type, which the result keeps.
 *
 * @example
 * ```ts
 * const sum = keywords("sum(input, /, dim=None, keepdim=False, *, dtype=None)", sumImpl);
 * sum(x, 1, true); sum(x, { dim: 1, keepdim: true }); sum(x, 1, { keepdim: true });
 * ```
 */
/** Open {@link uncheckedArguments} calls: while any is, ops skip the kind checks. */
let unchecked = 0;

/**
 * @internal Run `fn`, library code whose every op call passes arguments of the right kinds by
 * construction (the backward engine and its rules), with the per-call kind checks off: they are
 * for user code, and a training step's backward makes half its op calls.
 */
export function uncheckedArguments<T>(fn: () => T): T {
  unchecked++;
  try {
    return fn();
  } finally {
    unchecked--;
  }
}

export function keywords<F extends (...args: never[]) => unknown>(
  spec: string,
  impl: F,
): F & { readonly signature: Signature; readonly method: (this: unknown, ...args: unknown[]) => unknown } {
  const sig = parseSignature(spec);
  KEYWORDS.set(sig.op, acceptedKeys(sig));
  const call = impl as unknown as (...args: unknown[]) => unknown;
  const max = sig.operands.length + sig.params.length;
  const required = sig.params.flatMap((_, i) => (sig.required[i] ? [sig.operands.length + i] : []));
  const check = kindChecker(sig);
  const allRequired = (args: readonly unknown[]): boolean => {
    for (let i = 0; i < required.length; i++) if (args[required[i]!] === undefined) return false;
    return true;
  };
  const wrapped = (...args: unknown[]) => {
    // The common call, all by position: nothing to move, so skip the binding (ops are hot).
    const n = args.length;
    if (n <= max && !isOptions(args[n - 1]) && allRequired(args)) {
      if (check !== null && unchecked === 0) check(args);
      return call(...args);
    }
    const bound = bindArguments(sig, args);
    check?.(bound);
    return call(...bound);
  };
  return Object.assign(wrapped as unknown as F, { signature: sig, method: methodForm(sig, call, wrapped) });
}

/** @internal The method form of `f`, a function bound by {@link keywords} (`Tensor.prototype`'s methods). */
export function methodOf(f: unknown): (this: unknown, ...args: unknown[]) => unknown {
  const method = (f as { method?: (this: unknown, ...args: unknown[]) => unknown }).method;
  if (method === undefined) throw new Error("methodOf: not a function bound by keywords()");
  return method;
}

/**
 * `x.<op>(...args)` for a function bound by {@link keywords}: `torch.<op>(x, ...args)`. The hot
 * calls (`x.mul(y)`, `x.sum()`, a rule's `g.mul(x)`) pass at most two arguments by position,
 * each a tensor or a number where the signature takes one; those go straight to the
 * implementation, as the binding would have sent them, without its argument arrays.
 */
function methodForm(sig: Signature, call: (...args: unknown[]) => unknown, wrapped: (...args: unknown[]) => unknown) {
  const kinds = sig.params.map((name) => sig.kinds.get(name));
  const fastFlags = (i: number): number => (sig.operands.length === 1 && kinds[i] ? kinds[i].passes : 0);
  const pass1 = fastFlags(0), pass2 = fastFlags(1);
  const optional1 = sig.params.length > 0 && !sig.required[0], optional2 = sig.params.length > 1 && !sig.required[1];
  const takes0 = sig.operands.length === 1 && (sig.params.length === 0 || optional1);
  const takes1 = pass1 !== 0 && (sig.params.length === 1 || optional2);
  const takes2 = pass2 !== 0 && (sig.params.length === 2 || !sig.required[2]);
  return function (this: unknown, a?: unknown, b?: unknown): unknown {
    const n = arguments.length;
    if (n === 0 && takes0) return call(this);
    if (n === 1 && takes1 && passesByFlags(pass1, a)) return call(this, a);
    if (n === 2 && takes2 && passesByFlags(pass1, a) && passesByFlags(pass2, b)) return call(this, a, b);
    return wrapped(this, ...arguments);
  };
}

/**
 * The check of bound arguments (operands, parameters, then the keyword-only object) against the
 * kinds `sig` declares, or `null` when it declares none. Left-out arguments are not checked.
 */
function kindChecker(sig: Signature): ((bound: readonly unknown[]) => void) | null {
  if (sig.kinds.size === 0) return null;
  const names = [...sig.operands, ...sig.params];
  const kinds = names.map((name) => sig.kinds.get(name) ?? null);
  // The tests apart, so the hot loop reads one array and makes no tuples.
  const tests = kinds.map((kind) => kind?.test ?? null);
  const passes = kinds.map((kind) => kind?.passes ?? 0);
  const keywordOnly = (sig.keywordOnly ?? []).flatMap((name) => {
    const kind = sig.kinds.get(name);
    return kind ? [[name, kind] as const] : [];
  });
  const positional = names.length;
  return (bound) => {
    const n = bound.length < positional ? bound.length : positional;
    for (let i = 0; i < n; i++) {
      const test = tests[i]!;
      const x = bound[i];
      if (test === null || x === undefined) continue;
      if (!passesByFlags(passes[i]!, x) && !test(x)) throw wrongKind(sig.op, names[i]!, kinds[i]!, x);
    }
    const kw = bound.length > positional ? (bound[positional] as Record<string, unknown> | undefined) : undefined;
    if (kw)
      for (const [name, kind] of keywordOnly) {
        const x = kw[name];
        if (x !== undefined && !kind.test(x)) throw wrongKind(sig.op, name, kind, x);
      }
  };
}

/**
 * Check an options object's keys against those `op` accepts (for ops whose positional
 * arguments are variadic, such as `zeros(2, 3, { dtype })`, and for layer constructors).
 */
export function checkOptions(op: string, options: object | undefined | null, accepted: readonly string[]): void {
  if (options === undefined || options === null) return;
  for (const key of Object.keys(options)) if (!accepted.includes(key)) throw unknownKeyword(op, key, accepted);
}

// Keywords PyTorch has that Flambeau deliberately does not: say so rather than "did you mean".
const UNSUPPORTED: Record<string, string> = {
  out: "ops return a new tensor; assign the result (or use the in-place form ending in '_')",
  layout: "only strided tensors exist",
  memory_format: "tensors are always row-major",
  pin_memory: "there is no pinned host memory",
  non_blocking: "use 'await tensor.toAsync(device)' for an asynchronous copy",
};

/** PyTorch's `TypeError` for an unexpected keyword, with the accepted ones and a suggestion. */
export function unknownKeyword(op: string, key: string, accepted: readonly string[]): TypeError {
  const list = accepted.length ? accepted.map((k) => `'${k}'`).join(", ") : "none";
  if (key in UNSUPPORTED)
    return new TypeError(`${op}() got an unexpected keyword argument '${key}': not supported in Flambeau (${UNSUPPORTED[key]}). Accepted: ${list}`);
  const near = closest(key, accepted);
  return new TypeError(
    `${op}() got an unexpected keyword argument '${key}'.${near ? ` Did you mean '${near}'?` : ""} Accepted: ${list}`,
  );
}

/** The accepted key nearest to `key` by edit distance, if near enough to be a typo. */
function closest(key: string, accepted: readonly string[]): string | null {
  let best: string | null = null, bestD = Infinity;
  for (const a of accepted) {
    const d = editDistance(key.toLowerCase(), a.toLowerCase());
    if (d < bestD) [best, bestD] = [a, d];
  }
  return best !== null && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** Levenshtein distance, with a swap of neighbours counting once (`requires_gard`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * The arguments of an op called the PyTorch way: its positional parameters `P` in order,
 * possibly stopping early, then optionally an options object `O` naming any of them.
 * `Kw<[dim: Dim, keepdim: boolean], SumOptions>` allows `()`, `(1)`, `(1, true)`, `({ dim: 1 })`,
 * `(1, { keepdim: true })` and `(1, true, { dtype })`.
 */
export type Kw<P extends readonly unknown[], O> = WithOptions<Prefixes<Loose<P>>, O>;
/** Every element present, each allowed to be `undefined` (JavaScript's "left out"). */
type Loose<P extends readonly unknown[]> = { [K in keyof P]-?: P[K] | undefined };
type Prefixes<P extends readonly unknown[]> = P extends readonly [...infer I, unknown] ? P | Prefixes<I> : P;
type WithOptions<Q, O> = Q extends readonly unknown[] ? [...Q] | [...Q, O | undefined] : never;
