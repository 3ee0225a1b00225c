/**
 * Argument kinds, as PyTorch's own signatures declare them (`Tensor`, `int`, `int[]`, `bool`,
 * `float`, `Scalar`, `ScalarType`, `Device`, `Generator`, `str`, quoted choices, `?` for None),
 * turned into checks: an op whose signature declares its arguments' kinds refuses an argument of
 * another kind with a `TypeError` naming the op and the argument, before anything is computed
 * (Decision 6). A silent `NaN` from `x.add([1, 2])` or an internal error from
 * `x.gather(0, [0, 1])` cannot happen.
 */
import { DTYPES, isDType } from "./dtype.js";
import { Device } from "./device.js";
import { Generator } from "./random/generator.js";
import type { Tensor } from "./tensor.js";

/** One argument's kind: the test a value must pass, and how a message names it. */
export interface Kind {
  readonly test: (x: unknown) => boolean;
  /** PyTorch's words for the kind: `Tensor`, `int`, `array of ints`, `'trunc' or 'floor' or null`. */
  readonly text: string;
  /** Whether a Tensor is among the alternatives (an array given there earns a hint). */
  readonly tensor: boolean;
  /**
   * What passes without calling `test`: 1 = any Tensor, 2 = any number (`Scalar`, `float`), or
   * both. Ops check every argument of every call, and most are tensors or numbers: answering
   * those here spares a call through a table of tests that V8 cannot inline.
   */
  readonly passes: number;
}

/** {@link Kind.passes}: a Tensor passes. */
export const PASSES_TENSOR = 1;
/** {@link Kind.passes}: any number passes. */
export const PASSES_NUMBER = 2;

/**
 * Whether `x` passes a kind by its {@link Kind.passes} flags alone: a number where numbers
 * pass, a tensor (recognised by its storage, as {@link isTensor} does) where tensors pass.
 * False means "call the kind's test", not "refused".
 */
export function passesByFlags(passes: number, x: unknown): boolean {
  return ((passes & PASSES_NUMBER) !== 0 && typeof x === "number") ||
    ((passes & PASSES_TENSOR) !== 0 && typeof x === "object" && x !== null && "_storage" in x);
}

const isInt = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x);
/** A Tensor (by its storage, so that two copies of this package still recognise each other's). */
export function isTensor(x: unknown): x is Tensor {
  return x !== null && typeof x === "object" && "_storage" in x;
}

const BASE: Record<string, readonly [test: (x: unknown) => boolean, text: string | readonly string[]]> = {
  Tensor: [isTensor, "Tensor"],
  "Tensor[]": [(x) => Array.isArray(x) && x.every(isTensor), "array of Tensors"],
  Scalar: [(x) => typeof x === "number" || typeof x === "boolean", ["number", "boolean"]],
  float: [(x) => typeof x === "number", "number"],
  int: [isInt, "int"],
  "int[]": [(x) => Array.isArray(x) && x.every(isInt), "array of ints"],
  "int?[]": [(x) => Array.isArray(x) && x.every((v) => v === null || isInt(v)), "array of ints or nulls"],
  "float[]": [(x) => Array.isArray(x) && x.every((v) => typeof v === "number"), "array of numbers"],
  bool: [(x) => typeof x === "boolean", "bool"],
  str: [(x) => typeof x === "string", "string"],
  ScalarType: [isDType, `a dtype (one of ${DTYPES.join(", ")})`],
  Device: [(x) => typeof x === "string" || x instanceof Device, "device"],
  Generator: [(x) => x instanceof Generator, "Generator"],
  None: [(x) => x === null, "null"],
};

/**
 * Parse a kind: alternatives joined by `|` (`Tensor|Scalar`, `int|int[]`), each a base kind or a
 * quoted choice (`'trunc'`); a trailing `?` also admits `null` (Python's None).
 */
export function parseKind(spec: string): Kind {
  const nullable = spec.endsWith("?");
  const alternatives = (nullable ? spec.slice(0, -1) : spec).split("|");
  if (nullable) alternatives.push("None");
  const tests: ((x: unknown) => boolean)[] = [];
  const texts: string[] = [];
  for (const a of alternatives) {
    const choice = /^'(.*)'$/.exec(a);
    if (choice) {
      const value = choice[1];
      tests.push((x) => x === value);
      texts.push(`'${value}'`);
      continue;
    }
    const base = BASE[a];
    if (!base) throw new Error(`keywords: unknown argument kind '${a}' in '${spec}'`);
    tests.push(base[0]);
    texts.push(...(typeof base[1] === "string" ? [base[1]] : base[1]));
  }
  // Ops check every argument on every call: no closure per test (`tests.some(...)` made one).
  const [t0, t1] = tests as [(x: unknown) => boolean, (x: unknown) => boolean];
  const test =
    tests.length === 1
      ? t0
      : tests.length === 2
        ? (x: unknown) => t0(x) || t1(x)
        : (x: unknown) => {
            for (let i = 0; i < tests.length; i++) if (tests[i]!(x)) return true;
            return false;
          };
  const text = texts.length <= 2 ? texts.join(" or ") : `${texts.slice(0, -1).join(", ")} or ${texts[texts.length - 1]}`;
  const passes =
    (alternatives.includes("Tensor") ? PASSES_TENSOR : 0) | (alternatives.includes("Scalar") || alternatives.includes("float") ? PASSES_NUMBER : 0);
  return { test, text, tensor: alternatives.some((a) => a.startsWith("Tensor")), passes };
}

/** What a value is, for messages: `undefined`, `null`, `array`, `string "a"`, `number 0.5`, `Tensor`, … */
export function describeValue(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (Array.isArray(x)) return "array";
  if (typeof x === "string") return `string ${JSON.stringify(x.length > 20 ? x.slice(0, 20) + "…" : x)}`;
  if (typeof x === "number") return `number ${x}`;
  if (typeof x === "object") return (x.constructor?.name ?? "object").replace(/^Object$/, "object");
  return typeof x;
}

/** PyTorch's `TypeError` for an argument of the wrong kind. */
export function wrongKind(op: string, name: string, kind: Kind, x: unknown): TypeError {
  const hint = kind.tensor && Array.isArray(x) ? " (wrap it: torch.tensor([...]))" : "";
  return new TypeError(`${op}(): argument '${name}' must be ${kind.text}, not ${describeValue(x)}${hint}`);
}

/** Refuse `x` unless it is of `kind` (left out, `undefined`, passes: defaults apply). */
export function checkKind(op: string, name: string, kind: Kind, x: unknown): void {
  if (x !== undefined && !kind.test(x)) throw wrongKind(op, name, kind, x);
}

/** The kinds ops that bind their own arguments check by hand (`checkKind(op, "dim", KIND.int, d)`). */
export const KIND = {
  int: parseKind("int"),
  bool: parseKind("bool"),
  float: parseKind("float"),
  Tensor: parseKind("Tensor"),
  ints: parseKind("int[]"),
  Generator: parseKind("Generator?"),
  Device: parseKind("Device"),
} as const;
