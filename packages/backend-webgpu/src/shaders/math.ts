/**
 * Integer helpers of the binary kernels. The float scalar math (erf, exp, sin, pow, …) is not
 * here: it is written once for both GPU backends in `@flambeau/scalar-math` and printed to WGSL.
 */
/** Faults need the status buffer (errors.ts). */
export const INT_MATH = /* wgsl */ `
fn pow_i(base: i32, e: i32) -> i32 {
  // A negative tensor exponent gives what PyTorch's integral pow gives: 1 for 1, ±1 for -1,
  // else 0 (a negative number exponent is refused above the backends).
  if (e < 0) {
    if (base == 1) { return 1; }
    if (base == -1) { return select(1, -1, (e & 1) != 0); }
    return 0;
  }
  var r = 1;
  var b = base;
  var k = u32(e);
  loop {
    if (k == 0u) { break; }
    if ((k & 1u) == 1u) { r = r * b; }
    b = b * b;
    k = k >> 1u;
  }
  return r;
}
fn floor_divide_i(a: i32, b: i32) -> i32 {
  if (b == 0) { fault(1u, a, 0u, 0u); return 0; }
  let q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) { return q - 1; }
  return q;
}
fn fmod_i(a: i32, b: i32) -> i32 {
  if (b == 0) { fault(1u, a, 0u, 0u); return 0; }
  if (b == -1) { return 0; }
  return a % b;
}
fn remainder_i(a: i32, b: i32) -> i32 {
  if (b == 0) { fault(1u, a, 0u, 0u); return 0; }
  let m = a % b;
  if (m != 0 && ((b < 0) != (m < 0))) { return m + b; }
  return m;
}
`;
