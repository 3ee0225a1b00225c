/**
 * PyTorch's CPU generator (`torch.Generator()` / `torch.default_generator`), reproduced so that
 * `manual_seed(s)` followed by `rand`, `randn`, `randint`, `randperm` or dropout gives the same
 * numbers as PyTorch on the CPU. The fill functions are what the tensor layer calls for a
 * contiguous tensor; each follows the corresponding ATen CPU kernel (see the notes on each).
 */
import { MT19937 } from "./mt19937.js";
import { fma, mod64 } from "./arith.js";
import { boxMuller16d, boxMuller16f } from "./boxmuller.js";
import { nonDeterministicSeed } from "./entropy.js";

/** Typed arrays that hold a floating-point tensor's elements. */
export type FloatArray = Float32Array | Float64Array;

/** Typed arrays that can receive integers (`randint`, `bernoulli`). */
export type NumericArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

const TWO_32 = 4294967296;
const TWO_M24 = 2 ** -24;
const TWO_M53 = 2 ** -53;
const TWO_PI = 2 * Math.PI;
// What `torch.Generator()` is seeded with before any manual_seed (c10's default_rng_seed_val).
const DEFAULT_SEED = 67280421310721n;
const UINT64_MAX = (1n << 64n) - 1n;
// Size in bytes of PyTorch's CPUGeneratorImplState, the payload of torch.get_rng_state().
const STATE_BYTES = 5056;
const MT_N = 624;

/**
 * A pseudo-random generator bit-compatible with PyTorch's CPU `torch.Generator`.
 *
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * const x = new Float32Array(3);
 * g.uniformFill(x, 0, 1); // torch.rand(3, generator=g): [0.4963, 0.7682, 0.0885]
 * ```
 */
export class Generator {
  /** Generators in this package live on the host, as PyTorch's CPU generator. */
  readonly device = "cpu";
  private readonly engine = new MT19937();
  private seedValue = DEFAULT_SEED;
  // Box–Muller makes two samples; PyTorch caches the second for the next scalar normal draw.
  private nextDoubleNormal: number | null = null;
  // Kept only so get_state/set_state round-trip: no CPU kernel reads or writes it.
  private nextFloatNormal: number | null = null;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manual_seed(seed);
  }

  /**
   * Seed the generator, as `torch.Generator.manual_seed`: the engine gets the low 32 bits,
   * `initial_seed()` keeps all 64 (negative seeds wrap as in PyTorch), and the cached normal
   * sample is dropped. Returns the generator so calls chain.
   */
  manual_seed(seed: number | bigint): this {
    this.seedValue = toUint64(seed);
    this.engine.init_genrand(Number(this.seedValue & 0xffffffffn));
    this.nextDoubleNormal = null;
    this.nextFloatNormal = null;
    return this;
  }

  /** Seed from a non-deterministic source (like `torch.Generator.seed()`) and return that seed. */
  seed(): number {
    const s = nonDeterministicSeed();
    this.manual_seed(s);
    return s;
  }

  /** The seed last given; exact up to 2^53 (larger 64-bit seeds come back rounded). */
  initial_seed(): number {
    return Number(this.seedValue);
  }

  /** The state as PyTorch's 5056-byte `torch.get_rng_state()` payload (little-endian). */
  get_state(): Uint8Array {
    const bytes = new Uint8Array(STATE_BYTES);
    const view = new DataView(bytes.buffer);
    const { mt, index } = this.engine.getState();
    if (index === 0) throw new Error("get_state: this engine position has no PyTorch equivalent");
    // PyTorch counts draws left before the next twist; a fresh seed reads next = 0, a spent block 624.
    const spent = index === MT_N;
    view.setBigUint64(0, this.seedValue, true);
    view.setInt32(8, spent ? 1 : MT_N + 1 - index, true);
    view.setInt32(12, 1, true); // seeded
    view.setBigUint64(16, BigInt(spent && this.isFreshlySeeded(mt) ? 0 : index), true);
    for (let i = 0; i < MT_N; i++) view.setUint32(24 + 8 * i, mt[i]!, true);
    if (this.nextDoubleNormal !== null) {
      view.setFloat64(5024, this.nextDoubleNormal, true);
      view.setInt32(5040, 1, true);
    }
    if (this.nextFloatNormal !== null) {
      view.setFloat32(5048, this.nextFloatNormal, true);
      bytes[5052] = 1;
    }
    return bytes;
  }

  /** Restore a state from {@link get_state} or from PyTorch's `torch.get_rng_state()` bytes. */
  set_state(state: Uint8Array): this {
    if (state.length !== STATE_BYTES) {
      throw new RangeError(`set_state: expected a state of ${STATE_BYTES} bytes, but found ${state.length}`);
    }
    const view = new DataView(state.buffer, state.byteOffset, state.byteLength);
    const left = view.getInt32(8, true);
    const next = Number(view.getBigUint64(16, true));
    const seeded = view.getInt32(12, true) !== 0;
    const valid = seeded && left >= 1 && left <= MT_N && next <= MT_N && (left === 1 || left + next === MT_N + 1);
    if (!valid) throw new Error("set_state: Invalid mt19937 state");
    const mt = new Uint32Array(MT_N);
    for (let i = 0; i < MT_N; i++) mt[i] = view.getUint32(24 + 8 * i, true);
    this.engine.setState({ mt, index: left === 1 ? MT_N : next });
    this.seedValue = view.getBigUint64(0, true);
    this.nextDoubleNormal = view.getInt32(5040, true) !== 0 ? view.getFloat64(5024, true) : null;
    this.nextFloatNormal = state[5052] !== 0 ? view.getFloat32(5048, true) : null;
    return this;
  }

  /** A 32-bit draw, as `CPUGeneratorImpl::random()`. */
  random(): number {
    return this.engine.nextUint32();
  }

  /** A 64-bit draw, as `CPUGeneratorImpl::random64()`: the first 32-bit draw is the high half. */
  random64(): bigint {
    const hi = this.engine.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(this.engine.nextUint32());
  }

  /**
   * `torch.rand` / `Tensor.uniform_(from, to)`. float32 uses the low 24 bits of one draw and
   * float32 arithmetic; float64 uses the low 53 bits of `random64()`. PyTorch's CPU kernels are
   * compiled with FMA, so `x * (to - from) + from` is one fused operation.
   *
   * @example
   * ```ts
   * const w = new Float32Array(4);
   * default_generator.uniformFill(w, -0.5, 0.5); // like torch.empty(4).uniform_(-0.5, 0.5)
   * ```
   */
  uniformFill<T extends FloatArray>(out: T, from = 0, to = 1): T {
    checkUniformBounds(out, from, to);
    const n = out.length;
    if (out instanceof Float32Array) {
      const f = Math.fround(from);
      const range = Math.fround(Math.fround(to) - f);
      // x * range is exact in double (24-bit times 24-bit), so one fround is the fused result.
      for (let i = 0; i < n; i++) out[i] = this.uniform24() * range + f;
    } else {
      const range = to - from;
      // torch.rand's [0, 1) needs no arithmetic; skip the (emulated) fused multiply-add.
      if (from === 0 && range === 1) for (let i = 0; i < n; i++) out[i] = this.uniform53();
      else for (let i = 0; i < n; i++) out[i] = fma(this.uniform53(), range, from);
    }
    return out;
  }

  /**
   * `torch.randn` / `Tensor.normal_(mean, std)`. As in ATen's `normal_kernel`, 16 or more elements
   * are filled with uniforms and transformed by Box–Muller in blocks of 16 (a ragged tail re-draws
   * and re-transforms the last 16); fewer than 16 are drawn one by one with the double-precision
   * `normal_distribution`, which uses and refills the generator's cached second sample.
   */
  normalFill<T extends FloatArray>(out: T, mean = 0, std = 1): T {
    if (!(std >= 0)) throw new Error(`normal expects std >= 0.0, but found std ${std}`);
    const data: FloatArray = out; // a plain union narrows where the generic T does not
    if (data.length < 16) {
      for (let i = 0; i < data.length; i++) data[i] = fma(this.normalSample(), std, mean);
    } else if (data instanceof Float32Array) {
      const [m, s] = [Math.fround(mean), Math.fround(std)];
      this.normalBlocks(data, () => this.uniform24(), (d, at) => boxMuller16f(d, at, m, s));
    } else {
      this.normalBlocks(data, () => this.uniform53(), (d, at) => boxMuller16d(d, at, mean, std));
    }
    return out;
  }

  /**
   * `torch.randint(low, high)` / `Tensor.random_(low, high)`: `random() % (high - low) + low`,
   * or `random64() % (high - low) + low` for ranges of 2^32 and more, which PyTorch allows for
   * int64 and floating dtypes (here: a Float64Array holds int64 values up to 2^53).
   *
   * @example
   * ```ts
   * manual_seed(0);
   * default_generator.randintFill(new Int32Array(3), 0, 10); // torch.randint(0, 10, (3,))
   * ```
   */
  randintFill<T extends NumericArray>(out: T, low: number, high: number): T {
    const range = checkRandintBounds(out, low, high);
    const n = out.length;
    if (range < TWO_32) {
      for (let i = 0; i < n; i++) out[i] = (this.engine.nextUint32() % range) + low;
    } else {
      const r = BigInt(range);
      for (let i = 0; i < n; i++) out[i] = Number(this.random64() % r) + low;
    }
    return out;
  }

  /**
   * `torch.randperm(n)` on the CPU: a Fisher–Yates pass swapping position i with
   * `i + random() % (n - i)`; for n ≥ 2^32 / 20 PyTorch switches to an inside-out shuffle
   * driven by `random64()`, reproduced too.
   *
   * @example
   * ```ts
   * manual_seed(0);
   * default_generator.randperm(5); // Int32Array [4, 0, 1, 3, 2], as torch.randperm(5)
   * ```
   */
  randperm(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) throw new Error(`randperm: n must be non-negative, got ${n}`);
    if (n > 0x7fffffff) throw new RangeError(`randperm: n=${n} does not fit an int32 result`);
    const out = new Int32Array(n);
    if (n < Math.floor(0xffffffff / 20)) {
      for (let i = 0; i < n; i++) out[i] = i;
      for (let i = 0; i < n - 1; i++) {
        const z = i + (this.engine.nextUint32() % (n - i));
        const t = out[i]!;
        out[i] = out[z]!;
        out[z] = t;
      }
      return out;
    }
    // Large n: random() % n would be visibly biased, so PyTorch draws 64 bits per step.
    for (let i = 0; i < n; i++) {
      const hi = this.engine.nextUint32();
      const z = mod64(hi, this.engine.nextUint32(), i + 1);
      out[i] = out[z]!;
      out[z] = i;
    }
    return out;
  }

  /**
   * `Tensor.bernoulli_(p)`: 1 where a 53-bit uniform is below `p`, else 0. With a probability
   * array (`torch.bernoulli(probs)`, same length as `out`) float64 probabilities use 53-bit
   * uniforms and float32 probabilities 24-bit ones, as PyTorch does.
   *
   * `F.dropout(x, p)` on the CPU is `mask.bernoulli_(1 - p)`, then `mask / (1 - p)`, then `x * mask`.
   * (PyTorch builds with MKL on Intel CPUs draw `bernoulli_(p)` from MKL's own stream instead.)
   */
  bernoulliFill<T extends NumericArray>(out: T, p: number | FloatArray): T {
    const n = out.length;
    if (typeof p === "number") {
      if (!(p >= 0 && p <= 1)) throw new Error(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
      for (let i = 0; i < n; i++) out[i] = this.uniform53() < p ? 1 : 0;
      return out;
    }
    if (p.length !== n) throw new RangeError(`bernoulli_: expected ${n} probabilities, got ${p.length}`);
    if (!p.every((pi) => pi >= 0 && pi <= 1)) throw new RangeError("bernoulli_ expects all elements of p to be in [0, 1]");
    const wide = p instanceof Float64Array;
    for (let i = 0; i < n; i++) out[i] = (wide ? this.uniform53() : this.uniform24()) < p[i]! ? 1 : 0;
    return out;
  }

  /**
   * `Tensor.exponential_(lambd)`: `-log(1 - u) / lambd` for a 53-bit uniform `u`, computed in
   * double and stored in `out`'s precision, as PyTorch's CPU kernel (without MKL) does.
   *
   * @example
   * ```ts
   * const q = new Float32Array(4);
   * new Generator().manual_seed(0).exponentialFill(q); // torch.empty(4).exponential_() after manual_seed(0)
   * ```
   */
  exponentialFill<T extends FloatArray>(out: T, lambd = 1): T {
    if (!(lambd > 0)) throw new RangeError(`exponential_ expects lambda > 0.0, but found lambda=${lambd}`);
    for (let i = 0; i < out.length; i++) out[i] = (-1 / lambd) * Math.log(1 - this.uniform53());
    return out;
  }

  // uniform_real_distribution<float>(0, 1): the low 24 bits of one draw.
  private uniform24(): number {
    return (this.engine.nextUint32() & 0xffffff) * TWO_M24;
  }

  // uniform_real_distribution<double>(0, 1): the low 53 bits of random64().
  private uniform53(): number {
    const hi = this.engine.nextUint32();
    return ((hi & 0x1fffff) * TWO_32 + this.engine.nextUint32()) * TWO_M53;
  }

  // at::normal_distribution<double>(0, 1), with the cached second Box–Muller sample.
  private normalSample(): number {
    const cached = this.nextDoubleNormal;
    if (cached !== null) {
      this.nextDoubleNormal = null;
      return cached;
    }
    const u1 = this.uniform53();
    const u2 = this.uniform53();
    const r = Math.sqrt(-2 * Math.log1p(-u2));
    const theta = TWO_PI * u1;
    this.nextDoubleNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  // ATen's normal_fill: all uniforms first, Box–Muller over each block of 16, and for a ragged
  // length fresh uniforms for the last 16 elements, transformed again.
  private normalBlocks<T extends FloatArray>(out: T, uniform: () => number, block: (d: T, at: number) => void): void {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] = uniform();
    for (let i = 0; i + 16 <= n; i += 16) block(out, i);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) out[i] = uniform();
      block(out, n - 16);
    }
  }

  // Whether the engine still holds the words that seeding produced (nothing drawn since).
  private isFreshlySeeded(mt: Uint32Array): boolean {
    const probe = new MT19937(Number(this.seedValue & 0xffffffffn)).getState().mt;
    return probe.every((w, i) => w === mt[i]);
  }
}

function toUint64(seed: number | bigint): bigint {
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) throw new RangeError(`manual_seed: seed must be a finite integer, got ${seed}`);
    seed = BigInt(Math.trunc(seed));
  }
  if (seed < -(1n << 63n) || seed > UINT64_MAX) {
    throw new RangeError(`manual_seed: seed must be within [-0x8000_0000_0000_0000, 0xffff_ffff_ffff_ffff], got ${seed}`);
  }
  return BigInt.asUintN(64, seed);
}

function checkUniformBounds(out: FloatArray, from: number, to: number): void {
  const max = out instanceof Float32Array ? 3.4028234663852886e38 : Number.MAX_VALUE;
  const dtype = out instanceof Float32Array ? "float32" : "float64";
  if (!(from <= to)) throw new Error(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  if (!(to - from <= max)) {
    throw new RangeError(`uniform_ expects to-from <= std::numeric_limits<${dtype}>::max(), but found to=${to} and from=${from}`);
  }
}

// PyTorch checks `from` and `to - 1` against the dtype: its integer limits, or ±2^mantissa bits.
function checkRandintBounds(out: NumericArray, low: number, high: number): number {
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
    throw new RangeError(`random_: from and to must be integers within ±2^53, got from=${low}, to=${high}`);
  }
  if (low >= high) throw new Error(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const [min, max, name] = integerLimits(out);
  if (low < min || low > max) throw new RangeError(`from is out of bounds for ${name}`);
  if (high - 1 < min || high - 1 > max) throw new RangeError(`to - 1 is out of bounds for ${name}`);
  return high - low;
}

function integerLimits(out: NumericArray): [number, number, string] {
  if (out instanceof Float32Array) return [-(2 ** 24), 2 ** 24, "float32"];
  if (out instanceof Float64Array) return [-(2 ** 53), 2 ** 53, "float64"];
  if (out instanceof Int32Array) return [-(2 ** 31), 2 ** 31 - 1, "int32"];
  if (out instanceof Uint32Array) return [0, 2 ** 32 - 1, "uint32"];
  if (out instanceof Int16Array) return [-(2 ** 15), 2 ** 15 - 1, "int16"];
  if (out instanceof Uint16Array) return [0, 2 ** 16 - 1, "uint16"];
  if (out instanceof Int8Array) return [-128, 127, "int8"];
  return [0, 255, "uint8"];
}

/**
 * The generator behind the free functions (`torch.default_generator`). Like PyTorch's, it starts
 * from a non-deterministic seed; call {@link manual_seed} for repeatable runs.
 */
export const default_generator = new Generator(nonDeterministicSeed());

/**
 * `torch.manual_seed(seed)`: seed the default generator and return it.
 *
 * @example
 * ```ts
 * manual_seed(42);
 * default_generator.normalFill(new Float32Array(2)); // torch.randn(2) after torch.manual_seed(42)
 * ```
 */
export function manual_seed(seed: number | bigint): Generator {
  return default_generator.manual_seed(seed);
}

/** `torch.seed()`: re-seed the default generator non-deterministically and return the seed. */
export function seed(): number {
  return default_generator.seed();
}

/** `torch.initial_seed()`: the default generator's seed. */
export function initial_seed(): number {
  return default_generator.initial_seed();
}

/** `torch.get_rng_state()`: the default generator's state, in PyTorch's byte layout. */
export function get_rng_state(): Uint8Array {
  return default_generator.get_state();
}

/** `torch.set_rng_state(state)`: restore the default generator's state. */
export function set_rng_state(state: Uint8Array): void {
  default_generator.set_state(state);
}
