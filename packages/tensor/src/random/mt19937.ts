/**
 * The 32-bit Mersenne Twister (Matsumoto & Nishimura, 1998), the engine under both PyTorch's CPU
 * generator and NumPy's legacy `RandomState`. Seeding follows the reference `init_genrand` (what
 * `std::mt19937(seed)`, `torch.manual_seed` and `np.random.seed(int)` do) and `init_by_array`
 * (what `np.random.seed([...])` does), so the raw output streams are identical.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * A snapshot of the engine: the 624 untempered state words and the position of the next word
 * to hand out. `index === 624` means the words are spent and the next draw regenerates them;
 * this is exactly NumPy's `(key, pos)` pair.
 */
export interface MT19937State {
  mt: Uint32Array;
  index: number;
}

/**
 * The MT19937 engine.
 *
 * @example
 * ```ts
 * const mt = new MT19937(5489); // std::mt19937's default seed
 * mt.nextUint32(); // 3499211612
 * ```
 */
export class MT19937 {
  private readonly mt = new Uint32Array(N);
  // Tempered outputs of the current block: regenerating all 624 at once keeps the per-draw cost
  // to an index bump and a load.
  private readonly out = new Uint32Array(N);
  private index = N;

  constructor(seed = 5489) {
    this.init_genrand(seed);
  }

  /** Seed from one 32-bit integer (the reference `init_genrand`); higher bits are dropped. */
  init_genrand(seed: number): this {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      // Math.imul keeps the multiply exact modulo 2^32, as the C code's uint32 arithmetic.
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
    return this;
  }

  /** Seed from an array of 32-bit integers (the reference `init_by_array`). */
  init_by_array(key: ArrayLike<number>): this {
    if (key.length === 0) throw new RangeError("init_by_array: the key must not be empty");
    this.init_genrand(19650218);
    const mt = this.mt;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (key[j]! >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // a non-zero state is guaranteed by setting the most significant bit
    this.index = N;
    return this;
  }

  /** The next 32-bit output, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    if (this.index >= N) this.regenerate();
    return this.out[this.index++]!;
  }

  /** A copy of the engine's state. */
  getState(): MT19937State {
    return { mt: this.mt.slice(), index: this.index };
  }

  /** Restore a state taken with {@link getState} (or built from NumPy's `key` and `pos`). */
  setState(state: MT19937State): this {
    if (state.mt.length !== N) throw new RangeError(`MT19937.setState: expected ${N} state words, got ${state.mt.length}`);
    if (!Number.isInteger(state.index) || state.index < 0 || state.index > N) {
      throw new RangeError(`MT19937.setState: index must be an integer in [0, ${N}], got ${state.index}`);
    }
    this.mt.set(state.mt);
    this.index = state.index;
    // The words in `mt` are the current block; re-derive their tempered outputs.
    if (this.index < N) for (let i = 0; i < N; i++) this.out[i] = temper(this.mt[i]!);
    return this;
  }

  // Twist all 624 words, then temper them into `out`.
  private regenerate(): void {
    const mt = this.mt;
    let k = 0;
    for (; k < N - M; k++) {
      const y = (mt[k]! & UPPER_MASK) | (mt[k + 1]! & LOWER_MASK);
      mt[k] = mt[k + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k]! & UPPER_MASK) | (mt[k + 1]! & LOWER_MASK);
      mt[k] = mt[k + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    const out = this.out;
    for (let i = 0; i < N; i++) out[i] = temper(mt[i]!);
    this.index = 0;
  }
}

function temper(y: number): number {
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}
