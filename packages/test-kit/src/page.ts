// What the shared conformance suites use of Vitest, for running them inside a browser page:
// `describe`/`it` register tests, `run()` executes them in order and reports each outcome.
// The bundle for the page aliases "vitest" to this file (see bundle.ts).

type Body = () => unknown;

interface Test {
  name: string;
  body: Body;
}

const tests: Test[] = [];
const path: string[] = [];

export function describe(name: string, body: () => void): void {
  path.push(name);
  try {
    body();
  } finally {
    path.pop();
  }
}

export function it(name: string, body: Body, _timeout?: number): void {
  tests.push({ name: [...path, name].join(" > "), body });
}
export const test = it;

export interface Outcome {
  name: string;
  error: string | null;
  ms: number;
}

/** Run the registered tests whose names match `filter`, in order. */
export async function run(filter?: string): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const t of tests) {
    if (filter && !t.name.includes(filter)) continue;
    const start = performance.now();
    let error: string | null = null;
    try {
      await t.body();
    } catch (e) {
      error = e instanceof Error ? `${e.message}` : String(e);
    }
    out.push({ name: t.name, error, ms: performance.now() - start });
  }
  return out;
}

/** How many tests are registered. */
export function count(): number {
  return tests.length;
}

function equal(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<unknown>, y = b as unknown as ArrayLike<unknown>;
    return x.constructor === y.constructor && x.length === y.length && Array.from(x).every((v, i) => equal(v, y[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (v: unknown): string => {
  try {
    return typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
};

type Matchers = Record<string, (...args: unknown[]) => void>;

function matchers(actual: unknown, message: string | undefined, negate: boolean): Matchers {
  const check = (ok: boolean, what: string) => {
    if (ok === negate) throw new Error(`${message ? `${message}: ` : ""}expected ${show(actual)} ${negate ? "not " : ""}${what}`);
  };
  return {
    toBe: (e) => check(Object.is(actual, e), `to be ${show(e)}`),
    toEqual: (e) => check(equal(actual, e), `to equal ${show(e)}`),
    toStrictEqual: (e) => check(equal(actual, e), `to equal ${show(e)}`),
    toBeNull: () => check(actual === null, "to be null"),
    toBeDefined: () => check(actual !== undefined, "to be defined"),
    toBeUndefined: () => check(actual === undefined, "to be undefined"),
    toBeTruthy: () => check(Boolean(actual), "to be truthy"),
    toBeFalsy: () => check(!actual, "to be falsy"),
    toBeInstanceOf: (c) => check(actual instanceof (c as new () => unknown), `to be an instance of ${(c as { name: string }).name}`),
    toContain: (e) => check((actual as string | unknown[]).includes(e as never), `to contain ${show(e)}`),
    toMatch: (e) => check(typeof e === "string" ? String(actual).includes(e) : (e as RegExp).test(String(actual)), `to match ${String(e)}`),
    toBeCloseTo: (e, digits = 2) => check(Math.abs((actual as number) - (e as number)) < 10 ** -(digits as number) / 2, `to be close to ${show(e)}`),
    toBeGreaterThan: (e) => check((actual as number) > (e as number), `to be greater than ${show(e)}`),
    toBeGreaterThanOrEqual: (e) => check((actual as number) >= (e as number), `to be >= ${show(e)}`),
    toBeLessThan: (e) => check((actual as number) < (e as number), `to be less than ${show(e)}`),
    toBeLessThanOrEqual: (e) => check((actual as number) <= (e as number), `to be <= ${show(e)}`),
    toHaveLength: (e) => check((actual as unknown[]).length === e, `to have length ${show(e)}`),
    toThrow: (e) => {
      let error: unknown = null;
      try {
        (actual as () => unknown)();
      } catch (x) {
        error = x;
      }
      check(error !== null && (e === undefined || matchesError(error, e)), `to throw ${e === undefined ? "" : String(e)}`);
    },
  };
}

function matchesError(error: unknown, e: unknown): boolean {
  const m = error instanceof Error ? error.message : String(error);
  return typeof e === "string" ? m.includes(e) : e instanceof RegExp ? e.test(m) : true;
}

export function expect(actual: unknown, message?: string) {
  return {
    ...matchers(actual, message, false),
    not: matchers(actual, message, true),
    rejects: {
      async toThrow(e?: unknown) {
        try {
          await (actual as Promise<unknown>);
        } catch (x) {
          if (e === undefined || matchesError(x, e)) return;
          throw new Error(`${message ? `${message}: ` : ""}rejected with '${x instanceof Error ? x.message : String(x)}', expected ${String(e)}`);
        }
        throw new Error(`${message ? `${message}: ` : ""}expected a rejection`);
      },
    },
  };
}
