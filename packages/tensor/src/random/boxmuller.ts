/**
 * The Box–Muller step of PyTorch's `normal_fill` (tensors of 16 or more elements): each block of
 * 16 uniforms becomes 16 normals, pairing element j with element j + 8.
 *
 * float32 follows the AVX2 kernel that x86-64 builds run: the Cephes-style `log256_ps` and
 * `sincos256_ps` polynomials of `avx_mathfun.h`, evaluated in float32 with the fused
 * multiply-adds that GCC forms from them (a product is fused into the add or subtract that
 * consumes it). That reproduces PyTorch's values bit for bit. float64 uses the C library's
 * log/sin/cos in PyTorch and `Math` here, which agree to an ulp or two.
 */
import { fma } from "./arith.js";

const f = Math.fround;
// fma for float32 operands: the product of two floats is exact in a double, so one rounding
// of the sum to float is the fused result (barring a double-rounding tie, vanishingly rare).
const fmaf = (a: number, b: number, c: number): number => f(a * b + c);

const TWO_PI_F = f(2 * Math.PI); // _mm256_set1_ps(2.0f * c10::pi<double>)
const TWO_PI = 2 * Math.PI;

// Cephes logf: log(x) = log(m) + e·ln2 with m in [√½, √2), ln2 split in two for accuracy.
const SQRT_HALF = f(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LN2_LO = f(-2.1219444e-4);
const LN2_HI = f(0.693359375);

// Cephes sinf/cosf: reduce by multiples of π/4 (π/4 split in three), then one of two polynomials.
const FOUR_OVER_PI = f(1.27323954473516);
const MINUS_DP1 = f(-0.78515625);
const MINUS_DP2 = f(-2.4187564849853515625e-4);
const MINUS_DP3 = f(-3.77489497744594108e-8);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f);

const bits = new Float32Array(1);
const word = new Uint32Array(bits.buffer);

// log256_ps for one lane, for x in (0, 1] (here 1 - u with u a float32 uniform: never 0).
function logf(x: number): number {
  bits[0] = x;
  const w = word[0]!;
  let e = f((w >>> 23) - 127 + 1);
  word[0] = (w & ~0x7f800000) | 0x3f000000; // keep the mantissa, exponent of 0.5
  let m = bits[0]!;
  const small = m < SQRT_HALF;
  const extra = small ? m : 0; // m < √½: use 2m - 1 and one less in the exponent
  if (small) e = f(e - 1);
  m = f(f(m - 1) + extra);
  const z = f(m * m);
  let y = LOG_P[0]!;
  for (let k = 1; k < LOG_P.length; k++) y = fmaf(y, m, LOG_P[k]!);
  y = f(y * m);
  y = fmaf(y, z, f(e * LN2_LO));
  y = fmaf(-z, 0.5, y);
  return fmaf(e, LN2_HI, f(m + y));
}

let sinOut = 0;
let cosOut = 0;

// sincos256_ps for one lane, for x ≥ 0; results in sinOut / cosOut (no allocation per call).
function sincosf(x: number): void {
  let j = Math.trunc(f(x * FOUR_OVER_PI));
  j = (j + 1) & ~1; // j = (j + 1) & ~1, as in Cephes
  x = fmaf(j, MINUS_DP1, x);
  x = fmaf(j, MINUS_DP2, x);
  x = fmaf(j, MINUS_DP3, x);
  const z = f(x * x);
  let c = fmaf(fmaf(COS_P[0]!, z, COS_P[1]!), z, COS_P[2]!);
  c = f(c * z);
  c = f(fmaf(c, z, -f(z * 0.5)) + 1);
  let s = fmaf(fmaf(SIN_P[0]!, z, SIN_P[1]!), z, SIN_P[2]!);
  s = fmaf(f(s * z), x, x);
  const swap = (j & 2) !== 0; // octants 2, 3, 6, 7 swap the polynomials
  sinOut = (j & 4) !== 0 ? -(swap ? c : s) : swap ? c : s;
  cosOut = (~(j - 2) & 4) !== 0 ? -(swap ? s : c) : swap ? s : c;
}

/** Box–Muller over `d[at .. at+16)` in place, float32 (PyTorch's `normal_fill_16_AVX2`). */
export function boxMuller16f(d: Float32Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const radius = f(Math.sqrt(f(-2 * logf(f(1 - d[j]!))))); // 1 - u maps [0, 1) to (0, 1]
    sincosf(f(TWO_PI_F * d[j + 8]!));
    d[j] = fmaf(f(radius * cosOut), std, mean);
    d[j + 8] = fmaf(f(radius * sinOut), std, mean);
  }
}

/** Box–Muller over `d[at .. at+16)` in place, float64 (PyTorch's scalar `normal_fill_16`). */
export function boxMuller16d(d: Float64Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const radius = Math.sqrt(-2 * Math.log(1 - d[j]!));
    const theta = TWO_PI * d[j + 8]!;
    d[j] = fma(radius * Math.cos(theta), std, mean);
    d[j + 8] = fma(radius * Math.sin(theta), std, mean);
  }
}
