// The random layer against fixtures/random.json, written by scripts/fixtures/random.py from real
// PyTorch (CPU) and NumPy. Integers, uniforms and float32 values must match exactly. float64
// normals pass through log/sin/cos, where the C library and V8's Math may differ in the last
// ulp, so those are compared to 1e-14 relative.
import { readFixture } from "@flambeau/test-kit/fixtures";
import { describe, expect, test } from "vitest";
import {
  Generator,
  MT19937,
  RandomState,
  default_generator,
  get_rng_state,
  initial_seed,
  manual_seed,
  np,
  seed,
  set_rng_state,
  type LegacyState,
} from "../src/random/index.js";
import { fma, mod64 } from "../src/random/arith.js";

const fx: any = readFixture("random.json");
const T = fx.torch;
const N = fx.numpy;

type Dtype = "float32" | "float64" | "int32" | "int64";
const floatArray = (dtype: string, n: number) => (dtype === "float32" ? new Float32Array(n) : new Float64Array(n));
const intTarget = (dtype: Dtype, n: number) =>
  dtype === "int32" ? new Int32Array(n) : dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));

function expectClose(actual: ArrayLike<number>, expected: readonly number[], rtol = 1e-14, atol = 1e-300): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(`element ${i}: got ${a}, expected ${e}`);
    }
  }
}

// float64 normals go through libm's log/cos/sin in PyTorch and NumPy: allow an ulp or two.
function expectNormal(out: Float32Array | Float64Array | number[], expected: number[]): void {
  if (out instanceof Float32Array) expect(Array.from(out)).toEqual(expected);
  else expectClose(out, expected);
}

describe("MT19937", () => {
  test("init_genrand streams match NumPy's legacy seeding", () => {
    for (const { seed: s, out } of fx.mt19937.init_genrand) {
      const mt = new MT19937(s);
      expect(Array.from({ length: out.length }, () => mt.nextUint32())).toEqual(out);
    }
  });

  test("a long stream is right across regenerations of the state", () => {
    const { seed: s, indices, values } = fx.mt19937.long;
    const mt = new MT19937(s);
    const all = Array.from({ length: 2000 }, () => mt.nextUint32());
    expect(indices.map((i: number) => all[i])).toEqual(values);
  });

  test("std::mt19937's required 10000th output", () => {
    const mt = new MT19937();
    let v = 0;
    for (let i = 0; i < 10000; i++) v = mt.nextUint32();
    expect(v).toBe(4123659995);
  });

  test("init_by_array matches np.random.seed(array)", () => {
    for (const { key, out } of fx.mt19937.init_by_array) {
      const mt = new MT19937().init_by_array(key);
      expect(Array.from({ length: out.length }, () => mt.nextUint32())).toEqual(out);
    }
    expect(() => new MT19937().init_by_array([])).toThrow(/empty/);
  });

  test("the state after seeding is NumPy's key and pos", () => {
    const { key_head, key_tail, pos } = fx.mt19937.state_after_seed_10;
    const st = new MT19937(10).getState();
    expect(Array.from(st.mt.subarray(0, 5))).toEqual(key_head);
    expect(st.mt[623]).toBe(key_tail);
    expect(st.index).toBe(pos);
  });

  test("getState / setState resume the stream, mid-block too", () => {
    const mt = new MT19937(7);
    for (let i = 0; i < 300; i++) mt.nextUint32();
    const saved = mt.getState();
    const first = Array.from({ length: 700 }, () => mt.nextUint32());
    const other = new MT19937(1).setState(saved);
    expect(Array.from({ length: 700 }, () => other.nextUint32())).toEqual(first);
    saved.mt[0] = 12345; // the snapshot is a copy
    expect(mt.getState().mt[0]).not.toBe(12345);
    expect(() => mt.setState({ mt: new Uint32Array(10), index: 0 })).toThrow(RangeError);
    expect(() => mt.setState({ mt: new Uint32Array(624), index: 625 })).toThrow(RangeError);
  });
});

describe("exact arithmetic helpers", () => {
  test("fma rounds once", () => {
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(0.1 * 10 - 1).toBe(0);
    // 2^27+1 squared needs 55 bits: the fused result keeps the low bit the product loses.
    const a = 134217729;
    expect(fma(a, a, -(a * a))).toBe(1);
    expect(fma(3, 4, 5)).toBe(17);
  });

  test("mod64 agrees with BigInt", () => {
    const mt = new MT19937(3);
    for (let k = 0; k < 200; k++) {
      const hi = mt.nextUint32();
      const lo = mt.nextUint32();
      const m = (mt.nextUint32() % 0x7fffffff) + 1;
      expect(mod64(hi, lo, m)).toBe(Number(((BigInt(hi) << 32n) | BigInt(lo)) % BigInt(m)));
    }
  });
});

describe("torch Generator", () => {
  test("rand and randn after manual_seed, every size and dtype", () => {
    const g = new Generator();
    for (const c of T.per_size) {
      g.manual_seed(c.seed);
      expect(Array.from(g.uniformFill(floatArray(c.dtype, c.n)))).toEqual(c.rand);
      g.manual_seed(c.seed);
      expectNormal(g.normalFill(floatArray(c.dtype, c.n)), c.randn);
    }
  });

  test("a long float32 randn is bit-exact (vectorised Box–Muller)", () => {
    const { seed: s, n, float32_le_base64 } = T.randn_big;
    const expected = new Float32Array(bytes(float32_le_base64).buffer);
    const out = new Generator(s).normalFill(new Float32Array(n));
    expect(new Uint32Array(out.buffer)).toEqual(new Uint32Array(expected.buffer));
  });

  test("a mixed stream continues like PyTorch's, cached normal included", () => {
    const g = new Generator(T.stream.seed);
    for (const step of T.stream.steps) {
      const out = floatArray(step.dtype, step.n);
      if (step.op === "rand") expect(Array.from(g.uniformFill(out))).toEqual(step.values);
      else expectNormal(g.normalFill(out), step.values);
    }
  });

  test("randn of a 2x3 shape is a flat fill of 6", () => {
    const { seed: s, values } = T.randn_2d;
    expect(Array.from(new Generator(s).normalFill(new Float32Array(6)))).toEqual(values);
  });

  test("uniform_ with arbitrary bounds (fused multiply-add, float32 and float64)", () => {
    const g = new Generator();
    for (const c of T.uniform_) {
      g.manual_seed(5);
      expect(Array.from(g.uniformFill(floatArray(c.dtype, 12), c.from, c.to))).toEqual(c.values);
    }
  });

  test("normal_ with mean and std", () => {
    const g = new Generator();
    for (const c of T.normal_) {
      g.manual_seed(6);
      expectNormal(g.normalFill(floatArray(c.dtype, c.n), c.mean, c.std), c.values);
    }
  });

  test("randint for int64, int32, float dtypes and ranges past 2^32", () => {
    const g = new Generator(T.randint.seed);
    for (const c of T.randint.calls) {
      expect(Array.from(g.randintFill(intTarget(c.dtype, c.n), c.low, c.high))).toEqual(c.values);
    }
  });

  test("randperm for small and large n, fresh and continued", () => {
    const g = new Generator();
    for (const c of T.randperm.fresh) {
      g.manual_seed(T.randperm.seed);
      expect(Array.from(g.randperm(c.n))).toEqual(c.values);
    }
    const { seed: s, ns, values } = T.randperm.continued;
    g.manual_seed(s);
    expect(ns.map((n: number) => Array.from(g.randperm(n)))).toEqual(values);
  });

  test("bernoulli_ with a scalar p and with probability arrays", () => {
    const b = T.bernoulli;
    const g = new Generator(b.seed);
    expect(Array.from(g.bernoulliFill(new Float32Array(40), b.p))).toEqual(b.float32);
    expect(Array.from(g.bernoulliFill(new Float64Array(40), b.p))).toEqual(b.float64);
    g.manual_seed(8);
    const n = b.probs.length;
    expect(Array.from(g.bernoulliFill(new Float32Array(n), Float32Array.from(b.probs)))).toEqual(b.bernoulli_probs_float32);
    expect(Array.from(g.bernoulliFill(new Float64Array(n), Float64Array.from(b.probs)))).toEqual(b.bernoulli_probs_float64);
  });

  test("dropout's mask is bernoulli_(1 - p) scaled by 1 / (1 - p)", () => {
    for (const d of [T.dropout, T.dropout_p02]) {
      const mask = new Generator(d.seed).bernoulliFill(new Float32Array(d.n), 1 - d.p);
      const scaled = Array.from(mask, (m) => Math.fround(m / Math.fround(1 - d.p)));
      expect(scaled).toEqual(d.values);
    }
  });

  test("a separate Generator leaves the default stream alone", () => {
    const c = T.generator;
    manual_seed(c.default_seed);
    const g = new Generator().manual_seed(c.gen_seed);
    expect(Array.from(default_generator.uniformFill(new Float32Array(3)))).toEqual(c.default_a);
    expect(Array.from(g.uniformFill(new Float32Array(5)))).toEqual(c.gen_rand5);
    expect(Array.from(default_generator.uniformFill(new Float32Array(3)))).toEqual(c.default_b);
    expect(Array.from(g.normalFill(new Float32Array(5)))).toEqual(c.gen_randn5);
    expect(Array.from(g.randperm(10))).toEqual(c.gen_randperm10);
  });

  test("seeds: low 32 bits seed the engine, initial_seed keeps 64 bits, negatives wrap", () => {
    for (const c of T.seeds) {
      const g = new Generator().manual_seed(BigInt(c.seed));
      expect(g.initial_seed()).toBe(Number(BigInt(c.initial_seed)));
      expect(new DataView(g.get_state().buffer).getBigUint64(0, true)).toBe(BigInt(c.initial_seed));
      expect(Array.from(g.uniformFill(new Float32Array(3)))).toEqual(c.rand3);
    }
    expect(new Generator().manual_seed(-1).initial_seed()).toBe(2 ** 64);
    expect(new Generator().initial_seed()).toBe(67280421310721); // torch.Generator()'s default
    expect(() => new Generator().manual_seed(Number.NaN)).toThrow(RangeError);
    expect(() => new Generator().manual_seed(2n ** 64n)).toThrow(RangeError);
  });

  test("get_state is torch.get_rng_state's bytes; set_state accepts them", () => {
    const { seed: s, states, randn4_after } = T.rng_state;
    const g = new Generator(s);
    expect(g.get_state()).toEqual(bytes(states[0].bytes));
    g.uniformFill(new Float32Array(5));
    expect(g.get_state()).toEqual(bytes(states[1].bytes));
    g.normalFill(new Float64Array(1));
    expect(g.get_state()).toEqual(bytes(states[2].bytes));
    // Restoring PyTorch's bytes brings back the cached normal too: the next randn starts with it.
    const h = new Generator().set_state(bytes(states[2].bytes));
    expect(Array.from(h.normalFill(new Float64Array(4)))).toEqual(randn4_after);
    expect(h.initial_seed()).toBe(s);
    expect(() => h.set_state(new Uint8Array(100))).toThrow(/5056 bytes/);
    const bad = bytes(states[1].bytes);
    new DataView(bad.buffer).setInt32(8, 0, true); // left = 0 is outside PyTorch's valid range
    expect(() => h.set_state(bad)).toThrow(/Invalid mt19937 state/);
  });

  test("a spent block round-trips through get_state", () => {
    const g = new Generator(3);
    g.uniformFill(new Float32Array(624));
    const copy = new Generator().set_state(g.get_state());
    expect(Array.from(copy.uniformFill(new Float32Array(5)))).toEqual(Array.from(g.uniformFill(new Float32Array(5))));
  });

  test("random64 puts the first draw in the high half", () => {
    const a = new Generator(9);
    const b = new Generator(9);
    const hi = BigInt(b.random());
    expect(a.random64()).toBe((hi << 32n) | BigInt(b.random()));
  });

  test("module-level manual_seed, initial_seed, seed and rng state", () => {
    expect(manual_seed(0)).toBe(default_generator);
    expect(initial_seed()).toBe(0);
    const saved = get_rng_state();
    const a = Array.from(default_generator.uniformFill(new Float32Array(4)));
    set_rng_state(saved);
    expect(Array.from(default_generator.uniformFill(new Float32Array(4)))).toEqual(a);
    const s1 = seed();
    expect(Number.isSafeInteger(s1) && s1 >= 0).toBe(true);
    expect(initial_seed()).toBe(s1);
    expect(seed()).not.toBe(s1);
  });

  test("bad arguments raise PyTorch-style errors", () => {
    const g = new Generator(0);
    expect(() => g.uniformFill(new Float32Array(2), 1, 0)).toThrow(/from=1 > to=0/);
    expect(() => g.normalFill(new Float32Array(2), 0, -1)).toThrow(/std >= 0.0/);
    expect(() => g.randintFill(new Int32Array(2), 3, 3)).toThrow(/from=3 >= to=3/);
    expect(() => g.randintFill(new Int8Array(2), 0, 300)).toThrow(/to - 1 is out of bounds for int8/);
    expect(() => g.randintFill(new Float32Array(2), 0, 2 ** 30)).toThrow(/out of bounds for float32/);
    expect(() => g.bernoulliFill(new Float32Array(2), 1.5)).toThrow(/\[0, 1\]/);
    expect(() => g.bernoulliFill(new Float32Array(2), new Float32Array(3))).toThrow(/probabilities/);
    expect(() => g.randperm(-1)).toThrow(/non-negative/);
  });
});

describe("NumPy RandomState", () => {
  test("np.random.seed(10) then ten uniform(-0.5, 0.5) calls", () => {
    const { seed: s, low, high, values } = N.uniform_calls;
    np.random.seed(s);
    expect(Array.from({ length: values.length }, () => np.random.uniform(low, high))).toEqual(values);
  });

  test("lesson 1's dataset is reproduced exactly", () => {
    const movie = (n: number, m: number, b: number, noise: number) => {
      np.random.seed(10);
      return Array.from({ length: n }, (_, x) => m * x + b + np.random.uniform(-noise, noise));
    };
    const small = movie(10, 1.5, 10, 0.5);
    expect(small).toEqual(N.lesson1_small.y);
    const printed = [10.27132064, 11.02075195, 13.13364823, 14.74880388, 15.99850701, 17.22479665, 18.69806286, 20.76053071, 21.66911084, 23.08833981];
    expectClose(small, printed, 0, 5.1e-9);
    expect(movie(100, 1.5, 10, 10)).toEqual(N.lesson1_movies.y);
    // The comedy dataset keeps drawing from the same stream, without re-seeding.
    expect(Array.from({ length: 100 }, (_, x) => 1.5 * x + 20 + np.random.uniform(-10, 10))).toEqual(N.lesson1_movies.comedy_y);
  });

  test("lesson 5's scatter data: seed(1), randn, randn, rand", () => {
    const { seed: s, x, y, colors } = N.lesson5;
    np.random.seed(s);
    const xs = np.random.randn(50);
    const ys = np.random.randn(50);
    expectNormal(Array.from(xs), x);
    expectNormal(Array.from(xs, (v, i) => v * ys[i]!), y);
    expect(Array.from(np.random.rand(50))).toEqual(colors);
  });

  test("every method continues one stream exactly as NumPy", () => {
    const rs = new RandomState(N.stream.seed);
    for (const s of N.stream.steps) {
      const got = run(rs, s);
      if (s.call === "get_state") {
        const [, key, pos, hasGauss, cached] = rs.get_state();
        expect([pos, hasGauss, ...Array.from(key.subarray(0, 3))]).toEqual([s.pos, s.has_gauss, ...s.key_head]);
        expectClose([cached], [s.cached_gaussian]);
      } else if (/randn|normal/.test(s.call)) {
        expectNormal(got as number[], s.values);
      } else {
        expect(got, s.call).toEqual(s.values);
      }
    }
  });

  test("an array seed goes through init_by_array", () => {
    expect(Array.from(new RandomState(N.array_seed.key).rand(3))).toEqual(N.array_seed.rand3);
  });

  test("shapes, scalars and the cached gauss in get_state / set_state", () => {
    const rs = new RandomState(0);
    expect(rs.rand(2, 3).shape).toEqual([2, 3]);
    expect(typeof rs.rand()).toBe("number");
    expect(rs.uniform(0, 1, [4, 1]).shape).toEqual([4, 1]);
    rs.randn(); // leaves a cached gauss behind
    const state: LegacyState = rs.get_state();
    expect(state[3]).toBe(1);
    const next = rs.randn(5);
    const other = new RandomState(99);
    other.set_state(state);
    expect(Array.from(other.randn(5))).toEqual(Array.from(next));
    expect(() => other.set_state(["PCG64", state[1], 0, 0, 0] as unknown as LegacyState)).toThrow(/MT19937/);
  });

  test("instances are independent of the global state", () => {
    np.random.seed(10);
    const a = new RandomState(10);
    expect(a.uniform(-0.5, 0.5)).toBe(np.random.uniform(-0.5, 0.5));
    a.rand(100);
    expect(a.uniform()).not.toBe(np.random.uniform());
  });

  test("bad arguments raise NumPy's errors", () => {
    const rs = new RandomState(0);
    expect(() => rs.seed(-1)).toThrow(/between 0 and 2\*\*32 - 1/);
    expect(() => rs.seed(2 ** 32)).toThrow(/between 0 and 2\*\*32 - 1/);
    expect(() => rs.seed(1.5)).toThrow(TypeError);
    expect(() => rs.normal(0, -1)).toThrow(/scale < 0/);
    expect(() => rs.randint(5, 5)).toThrow(/low >= high/);
    expect(() => rs.randint(0)).toThrow(/high <= 0/);
    expect(() => rs.uniform(-Number.MAX_VALUE, Number.MAX_VALUE)).toThrow(/Range exceeds/);
    expect(() => rs.choice(3, 5, false)).toThrow(/larger sample/);
    expect(() => rs.choice(3, 2, true, [0.5, 0.6, 0.1])).toThrow(/sum to 1/);
    expect(() => rs.rand(-1)).toThrow(/negative dimensions/);
  });
});

// Replays one step of the NumPy fixture stream on `rs` and returns the values it produced.
function run(rs: RandomState, s: any): unknown {
  const flat = (v: number | ArrayLike<number>) => (typeof v === "number" ? [v] : Array.from(v));
  switch (s.call) {
    case "rand":
      return flat(rs.rand(...(s.shape as [number, ...number[]])));
    case "randn":
    case "randn_odd_then_state":
      return flat(rs.randn(...(s.shape as [number, ...number[]])));
    case "randn_scalar":
      return [rs.randn()];
    case "random_sample_scalar":
      return [rs.random_sample()];
    case "normal":
      return flat(rs.normal(s.loc, s.scale, s.size));
    case "normal_scalar":
      return [rs.normal(s.loc, s.scale)];
    case "standard_normal":
      return flat(rs.standard_normal(s.size));
    case "uniform":
      return flat(rs.uniform(s.low, s.high, s.size));
    case "uniform_default":
      return [rs.uniform()];
    case "randint":
      return flat(rs.randint(s.low, s.high, s.size));
    case "randint_high_only":
      return [rs.randint(s.low)];
    case "permutation":
      return flat(rs.permutation(s.n));
    case "permutation_array":
      return rs.permutation(s.array as number[]);
    case "shuffle": {
      const arr = Array.from({ length: s.n }, (_, i) => i);
      rs.shuffle(arr);
      return arr;
    }
    case "choice":
      return flat(rs.choice(s.a as number, s.size));
    case "choice_noreplace":
      return flat(rs.choice(s.a as number, s.size, false));
    case "choice_p":
      return flat(rs.choice(s.a as number, s.size, true, s.p));
    case "choice_scalar":
      return [rs.choice(s.a as number)];
    case "get_state":
      return undefined;
    default:
      throw new Error(`unknown fixture step ${s.call}`);
  }
}
