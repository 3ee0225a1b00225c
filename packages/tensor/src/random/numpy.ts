/**
 * NumPy's legacy generator, `np.random.RandomState` and the `np.random.*` functions that use its
 * global instance, reproduced draw for draw so that lessons seeding `np.random.seed(10)` get
 * NumPy's exact datasets. The algorithms are those of NumPy's `mtrand` / `legacy-distributions`
 * (53-bit doubles from two draws, polar Box–Muller with a cached gauss, masked rejection for
 * bounded integers), which NumPy keeps frozen for backward compatibility.
 */
import { MT19937 } from "./mt19937.js";
import { randomWords } from "./entropy.js";

/** A NumPy `size` argument: one length or a shape. */
export type Size = number | readonly number[];

/** A C-ordered float64 result that remembers the shape it was asked for. */
export type NDArray = Float64Array & { readonly shape: readonly number[] };

/** `RandomState.get_state()`: `('MT19937', key, pos, has_gauss, cached_gaussian)`. */
export type LegacyState = [name: "MT19937", key: Uint32Array, pos: number, has_gauss: number, cached_gaussian: number];

/** Anything `shuffle` can permute in place: JS arrays and typed arrays. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

type AnyTypedArray = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

const UINT32_MAX = 0xffffffff;

/**
 * NumPy's legacy `RandomState`.
 *
 * @example
 * ```ts
 * const rs = new RandomState(10);
 * rs.uniform(-0.5, 0.5); // 0.271320643266746, as np.random.RandomState(10).uniform(-0.5, 0.5)
 * ```
 */
export class RandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  constructor(seed?: number | ArrayLike<number> | null) {
    this.seed(seed);
  }

  /**
   * Reseed: an integer in [0, 2^32) uses `init_genrand`, an array of them `init_by_array`, and
   * nothing at all fresh entropy, as `np.random.seed` does. The cached gauss is dropped.
   */
  seed(seed?: number | ArrayLike<number> | null): void {
    if (seed === undefined || seed === null) {
      const key = randomWords(624);
      key[0] = 0x80000000; // NumPy's choice too: guarantees a non-zero state
      this.mt.setState({ mt: key, index: 624 });
    } else if (typeof seed === "number") {
      this.mt.init_genrand(checkSeedWord(seed));
    } else {
      if (seed.length === 0) throw new RangeError("Seed must be non-empty");
      this.mt.init_by_array(Array.from(seed, checkSeedWord));
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** The state as NumPy's `get_state()` tuple (a copy). */
  get_state(): LegacyState {
    const { mt, index } = this.mt.getState();
    return ["MT19937", mt, index, this.hasGauss ? 1 : 0, this.gauss];
  }

  /** Restore a state from {@link get_state} (or one taken from NumPy). */
  set_state(state: LegacyState): void {
    const [name, key, pos, hasGauss, cached] = state;
    if (name !== "MT19937") throw new TypeError("set_state can only be used with legacy MT19937 state instances.");
    this.mt.setState({ mt: Uint32Array.from(key), index: pos });
    this.hasGauss = hasGauss !== 0;
    this.gauss = cached;
  }

  /** Uniform floats in [0, 1) with 53 random bits (`random_sample`). */
  random_sample(): number;
  random_sample(size: Size): NDArray;
  random_sample(size?: Size | null): number | NDArray;
  random_sample(size?: Size | null): number | NDArray {
    return this.fill(size, () => this.double());
  }

  /** Alias of {@link random_sample}, as `np.random.random`. */
  random(): number;
  random(size: Size): NDArray;
  random(size?: Size | null): number | NDArray;
  random(size?: Size | null): number | NDArray {
    return this.random_sample(size);
  }

  /** `rand(d0, d1, ...)`: uniform [0, 1) floats of that shape; a number when no shape is given. */
  rand(): number;
  rand(...shape: [number, ...number[]]): NDArray;
  rand(...shape: number[]): number | NDArray;
  rand(...shape: number[]): number | NDArray {
    return this.random_sample(shape.length === 0 ? null : shape);
  }

  /** `randn(d0, d1, ...)`: standard normal floats of that shape; a number when no shape is given. */
  randn(): number;
  randn(...shape: [number, ...number[]]): NDArray;
  randn(...shape: number[]): number | NDArray;
  randn(...shape: number[]): number | NDArray {
    return this.standard_normal(shape.length === 0 ? null : shape);
  }

  /** Standard normal draws by the polar method, each pair cached as NumPy's `legacy_gauss`. */
  standard_normal(): number;
  standard_normal(size: Size): NDArray;
  standard_normal(size?: Size | null): number | NDArray;
  standard_normal(size?: Size | null): number | NDArray {
    return this.fill(size, () => this.gaussian());
  }

  /** `normal(loc, scale, size)`: `loc + scale * gauss`. */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): NDArray;
  normal(loc?: number, scale?: number, size?: Size | null): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size | null): number | NDArray {
    if (scale < 0) throw new RangeError("scale < 0");
    return this.fill(size, () => loc + scale * this.gaussian());
  }

  /**
   * `uniform(low, high, size)`: `low + (high - low) * u` with a 53-bit `u`.
   *
   * @example
   * ```ts
   * const rs = new RandomState(10);
   * rs.uniform(-0.5, 0.5, 3); // NDArray [0.2713..., -0.4792..., 0.1336...], shape [3]
   * ```
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): NDArray;
  uniform(low?: number, high?: number, size?: Size | null): number | NDArray;
  uniform(low = 0, high = 1, size?: Size | null): number | NDArray {
    const range = high - low;
    if (!Number.isFinite(range)) throw new RangeError("Range exceeds valid bounds");
    return this.fill(size, () => low + range * this.double());
  }

  /**
   * `randint(low, high, size)`: integers in [low, high) (or [0, low) when `high` is omitted),
   * by NumPy's legacy masked rejection sampling. Values come back as JS numbers (int64 in NumPy).
   */
  randint(low: number, high?: number | null): number;
  randint(low: number, high: number | null | undefined, size: Size): NDArray;
  randint(low: number, high?: number | null, size?: Size | null): number | NDArray;
  randint(low: number, high?: number | null, size?: Size | null): number | NDArray {
    // randint(n) means [0, n), as in NumPy.
    const lo = high === undefined || high === null ? 0 : low;
    const hi = high ?? low;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      throw new TypeError(`randint: low and high must be integers within ±2^53, got ${lo} and ${hi}`);
    }
    if (lo >= hi) throw new RangeError(high === undefined || high === null ? "high <= 0" : "low >= high");
    const rng = hi - 1 - lo;
    return this.fill(size, () => lo + this.bounded(rng));
  }

  /** Shuffle in place (Fisher–Yates from the end, as NumPy), along the first axis for nested arrays. */
  shuffle<T>(x: MutableArrayLike<T>): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.bounded(i);
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }

  /** `permutation(n)`: a shuffled `arange(n)`; `permutation(x)`: a shuffled copy of `x`. */
  permutation(n: number): NDArray;
  permutation<A extends AnyTypedArray>(x: A): A;
  permutation<T>(x: readonly T[]): T[];
  permutation(x: number | AnyTypedArray | readonly unknown[]): NDArray | AnyTypedArray | unknown[] {
    if (typeof x === "number") {
      const out = ndarray([checkDim(x)]);
      for (let i = 0; i < x; i++) out[i] = i;
      this.shuffle(out);
      return out;
    }
    const copy = Array.isArray(x) ? [...x] : (x as AnyTypedArray).slice();
    this.shuffle(copy);
    return copy;
  }

  /**
   * `choice(a, size, replace, p)`: samples from `arange(a)` (a number) or from the array `a`,
   * drawing the same numbers as NumPy's legacy `choice` in every mode.
   */
  choice(a: number | readonly number[], size?: null, replace?: boolean, p?: ArrayLike<number> | null): number;
  choice<T>(a: readonly T[], size?: null, replace?: boolean, p?: ArrayLike<number> | null): T;
  choice(a: number, size: Size, replace?: boolean, p?: ArrayLike<number> | null): NDArray;
  choice<T>(a: readonly T[], size: Size, replace?: boolean, p?: ArrayLike<number> | null): T[];
  choice<T>(a: number | readonly T[], size?: Size | null, replace = true, p?: ArrayLike<number> | null): unknown {
    const pop = typeof a === "number" ? a : a.length;
    const shape = size === undefined || size === null ? null : shapeOf(size);
    const count = shape === null ? 1 : shape.reduce((x, y) => x * y, 1);
    if (typeof a === "number" && !(Number.isInteger(a) && (a > 0 || count === 0))) {
      throw new RangeError("a must be a positive integer unless no samples are taken");
    }
    if (pop === 0 && count > 0) throw new RangeError("a cannot be empty unless no samples are taken");
    const probs = p === undefined || p === null ? null : checkProbabilities(p, pop);
    let idx: ArrayLike<number>;
    if (replace) {
      if (probs) {
        const cdf = normalizedCdf(probs);
        idx = Array.from(this.random_sample(shape ?? 1), (u) => searchRight(cdf, u));
      } else {
        idx = this.randint(0, pop, shape ?? 1);
      }
    } else {
      if (count > pop) throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
      idx = probs ? this.choiceWithoutReplacement(probs, count) : this.permutation(pop).subarray(0, count);
    }
    if (shape === null) return typeof a === "number" ? idx[0]! : a[idx[0]!];
    if (typeof a !== "number") return Array.from(idx, (i) => a[i]!);
    const out = ndarray(shape);
    out.set(idx);
    return out;
  }

  // NumPy's weighted sampling without replacement: draw, keep first occurrences, zero them, repeat.
  private choiceWithoutReplacement(probs: Float64Array, count: number): number[] {
    if (probs.filter((v) => v > 0).length < count) throw new RangeError("Fewer non-zero entries in p than size");
    const weights = probs.slice();
    const found: number[] = [];
    while (found.length < count) {
      const draws = this.random_sample(count - found.length);
      for (const i of found) weights[i] = 0;
      const cdf = normalizedCdf(weights);
      const fresh = new Set<number>();
      for (const u of draws) fresh.add(searchRight(cdf, u));
      found.push(...fresh);
    }
    return found;
  }

  // 53-bit double from two draws (NumPy's `legacy_double` / `random_sample`).
  private double(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  // `legacy_gauss`: the polar method, caching the second value of each accepted pair.
  private gaussian(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gauss;
      this.gauss = 0;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.double() - 1;
      x2 = 2 * this.double() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const scale = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = scale * x1;
    this.hasGauss = true;
    return scale * x2;
  }

  // A uniform integer in [0, rng]: draws masked to the smallest 2^k - 1 covering rng, rejected
  // when above it (NumPy's legacy bounded integers and `random_interval`); 64-bit draws past 2^32.
  private bounded(rng: number): number {
    if (rng === 0) return 0;
    if (rng <= UINT32_MAX) {
      const mask = maskFor(rng);
      let v: number;
      do v = (this.mt.nextUint32() & mask) >>> 0;
      while (v > rng);
      return v;
    }
    const max = BigInt(rng);
    const mask = (1n << BigInt(max.toString(2).length)) - 1n;
    let v: bigint;
    do {
      const hi = BigInt(this.mt.nextUint32());
      v = ((hi << 32n) | BigInt(this.mt.nextUint32())) & mask;
    } while (v > max);
    return Number(v);
  }

  private fill(size: Size | null | undefined, draw: () => number): number | NDArray {
    if (size === undefined || size === null) return draw();
    const out = ndarray(shapeOf(size));
    for (let i = 0; i < out.length; i++) out[i] = draw();
    return out;
  }
}

function checkSeedWord(s: number): number {
  if (!Number.isInteger(s)) throw new TypeError(`Cannot use ${s} as a seed: seeds must be integers`);
  if (s < 0 || s > UINT32_MAX) throw new RangeError("Seed must be between 0 and 2**32 - 1");
  return s;
}

function checkDim(d: number): number {
  if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer`);
  if (d < 0) throw new RangeError("negative dimensions are not allowed");
  return d;
}

function shapeOf(size: Size): number[] {
  return (typeof size === "number" ? [size] : [...size]).map(checkDim);
}

function ndarray(shape: number[]): NDArray {
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  Object.defineProperty(out, "shape", { value: Object.freeze(shape), enumerable: false });
  return out as NDArray;
}

function maskFor(rng: number): number {
  let m = rng;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

// NumPy's checks on `p`: 1-d, same size as the population, non-negative, summing to 1 within
// sqrt(machine epsilon) (the sum taken with Kahan compensation, as NumPy does).
function checkProbabilities(p: ArrayLike<number>, pop: number): Float64Array {
  const probs = Float64Array.from(p);
  if (probs.length !== pop) throw new RangeError("'a' and 'p' must have same size");
  let sum = probs[0] ?? 0;
  let c = 0;
  for (let i = 1; i < probs.length; i++) {
    const y = probs[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  if (Number.isNaN(sum)) throw new RangeError("probabilities contain NaN");
  if (probs.some((v) => v < 0)) throw new RangeError("probabilities are not non-negative");
  if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) throw new RangeError("probabilities do not sum to 1");
  return probs;
}

// `p.cumsum(); cdf /= cdf[-1]`: a sequential running sum, then normalised by its last value.
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i]!;
  const total = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / total;
  return cdf;
}

// `searchsorted(side='right')`: the first index whose value exceeds u.
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The global `RandomState` behind the free functions (NumPy's `np.random.mtrand._rand`). */
export const default_random_state = new RandomState();

const g = default_random_state;
/** `np.random.seed(seed)`. @example `seed(10); uniform(-0.5, 0.5); // 0.271320643266746` */
export const seed = g.seed.bind(g) as RandomState["seed"];
/** `np.random.get_state()`. */
export const get_state = g.get_state.bind(g) as RandomState["get_state"];
/** `np.random.set_state(state)`. */
export const set_state = g.set_state.bind(g) as RandomState["set_state"];
/** `np.random.random_sample(size)`. */
export const random_sample = g.random_sample.bind(g) as RandomState["random_sample"];
/** `np.random.random(size)`. */
export const random = g.random.bind(g) as RandomState["random"];
/** `np.random.rand(d0, d1, ...)`. */
export const rand = g.rand.bind(g) as RandomState["rand"];
/** `np.random.randn(d0, d1, ...)`. */
export const randn = g.randn.bind(g) as RandomState["randn"];
/** `np.random.standard_normal(size)`. */
export const standard_normal = g.standard_normal.bind(g) as RandomState["standard_normal"];
/** `np.random.normal(loc, scale, size)`. */
export const normal = g.normal.bind(g) as RandomState["normal"];
/** `np.random.uniform(low, high, size)`. */
export const uniform = g.uniform.bind(g) as RandomState["uniform"];
/** `np.random.randint(low, high, size)`. */
export const randint = g.randint.bind(g) as RandomState["randint"];
/** `np.random.shuffle(x)`. */
export const shuffle = g.shuffle.bind(g) as RandomState["shuffle"];
/** `np.random.permutation(x)`. */
export const permutation = g.permutation.bind(g) as RandomState["permutation"];
/** `np.random.choice(a, size, replace, p)`. */
export const choice = g.choice.bind(g) as RandomState["choice"];
