/**
 * Exact arithmetic that C gets from hardware and JavaScript does not: a fused multiply-add and
 * the remainder of a 64-bit integer given as two 32-bit halves.
 */

// Veltkamp's constant 2^27 + 1 splits a double into two halves whose products are exact.
const SPLIT = 134217729;

/**
 * `a * b + c` with a single rounding, as the FMA instruction that PyTorch's CPU kernels are
 * compiled to use. The product is formed exactly (Dekker) and added with an error-free sum; the
 * result equals the hardware FMA except in rare double-rounding ties.
 *
 * @example
 * ```ts
 * fma(0.1, 10, -1); // 5.551115123125783e-17, where 0.1 * 10 - 1 gives 0
 * ```
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0) return p + c;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl; // p + e === a * b exactly
  const s = p + c;
  const v = s - p;
  const err = p - (s - v) + (c - v); // s + err === p + c exactly
  return s + (err + e);
}

/**
 * `(hi * 2^32 + lo) % m` for 32-bit halves and 0 < m < 2^37, without BigInt. Used where PyTorch
 * takes `random64() % m` in a hot loop.
 *
 * @example
 * ```ts
 * mod64(1, 0, 10); // 2^32 % 10 === 6
 * ```
 */
export function mod64(hi: number, lo: number, m: number): number {
  // Shift the high half in 16 bits at a time so every intermediate stays below 2^53.
  let r = hi % m;
  r = (r * 65536) % m;
  r = (r * 65536) % m;
  return (r + (lo % m)) % m;
}
