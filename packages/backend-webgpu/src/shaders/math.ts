/**
 * WGSL versions of the scalar functions whose built-ins are missing, undefined on some
 * inputs, or less precise than PyTorch's (the CPU backend's `math.ts` is the reference).
 */
export const MATH = /* wgsl */ `
fn exp_(x: f32) -> f32 {
  // SwiftShader's exp turns NaN into infinity.
  if (isnan_(x)) { return x; }
  return exp(x);
}
// sin and cos as Cephes' sinf/cosf: reduction by pi/4 in three parts, then minimax
// polynomials. Software GPUs' built-ins are only accurate to about 2e-4.
fn sin_poly(x: f32) -> f32 {
  let z = x * x;
  return ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * x + x;
}
fn cos_poly(x: f32) -> f32 {
  let z = x * x;
  return ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z - 0.5 * z + 1.0;
}
/** (sin x, cos x) */
fn sincos_(x: f32) -> vec2f {
  if (isnan_(x) || abs(x) == inf()) { return vec2f(nan(), nan()); }
  let ax = abs(x);
  var j = i32(ax * 1.27323954473516);
  var y = f32(j);
  if ((j & 1) == 1) { j += 1; y += 1.0; }
  j = j & 7;
  let r = ((ax - y * 0.78515625) - y * 2.4187564849853515625e-4) - y * 3.77489497744594108e-8;
  let sp = sin_poly(r);
  let cp = cos_poly(r);
  // Quadrant j (0, 2, 4 or 6): sin = (s, c, -s, -c), cos = (c, -s, -c, s).
  var s = sp;
  var c = cp;
  if (j == 2) { s = cp; c = -sp; }
  if (j == 4) { s = -sp; c = -cp; }
  if (j == 6) { s = -cp; c = sp; }
  return vec2f(select(s, -s, x < 0.0), c);
}
fn expm1_(x: f32) -> f32 {
  // Kahan's trick: exact cancellation makes (u - 1) * x / log(u) accurate near 0.
  if (isnan_(x)) { return x; }
  let u = exp(x);
  if (u == 1.0) { return x; }
  let um1 = u - 1.0;
  if (um1 == -1.0) { return -1.0; }
  if (abs(x) > 0.5) { return um1; }
  return um1 * x / log(u);
}
fn tan_(x: f32) -> f32 {
  let sc = sincos_(x);
  return sc.x / sc.y;
}
fn log1p_(x: f32) -> f32 {
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  if (isnan_(x) || x < -1.0) { return nan(); }
  if (u == 0.0) { return -inf(); }
  return log(u) * x / (u - 1.0);
}
fn log_(x: f32) -> f32 {
  if (x < 0.0) { return nan(); }
  if (x == 0.0) { return -inf(); }
  return log(x);
}
fn sqrt_(x: f32) -> f32 {
  if (x < 0.0) { return nan(); }
  return sqrt(x);
}
fn tanh_(x: f32) -> f32 {
  // -expm1(-2|x|) / (2 + expm1(-2|x|)) never divides infinities and keeps precision near 0.
  if (isnan_(x)) { return x; }
  let e = expm1_(-2.0 * abs(x));
  let t = -e / (2.0 + e);
  return select(t, -t, x < 0.0);
}
fn sigmoid_(x: f32) -> f32 {
  if (isnan_(x)) { return x; }
  if (x >= 0.0) { return 1.0 / (1.0 + exp(-x)); }
  let e = exp(x);
  return e / (1.0 + e);
}
fn erf_(x: f32) -> f32 {
  let a = abs(x);
  if (isnan_(x)) { return x; }
  if (a < 0.5) {
    // Taylor series: accurate to float precision below 0.5.
    let z = x * x;
    return 1.1283791670955126 * x * (1.0 + z * (-0.3333333333 + z * (0.1 + z * (-0.0238095238 + z * (0.0046296296 - z * 0.000757575758)))));
  }
  // Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7).
  let t = 1.0 / (1.0 + 0.3275911 * a);
  let y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * exp(-a * a);
  return select(y, -y, x < 0.0);
}
fn pow_(x: f32, y: f32) -> f32 {
  // C's pow, which WGSL's pow (exp2(y * log2(x))) is not for x <= 0.
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (isnan_(x) || isnan_(y)) { return nan(); }
  if (y == 1.0) { return x; }
  if (y == 2.0) { return x * x; }
  if (y == 0.5) { return sqrt_(x); }
  if (y == -1.0) { return 1.0 / x; }
  let ay = abs(y);
  if (ay == inf()) {
    let ax = abs(x);
    if (ax == 1.0) { return 1.0; }
    if ((ax > 1.0) == (y > 0.0)) { return inf(); }
    return 0.0;
  }
  let yInt = floor(y) == y;
  let odd = yInt && (abs(y) < 16777216.0) && ((i32(abs(y)) & 1) == 1);
  if (x == 0.0) {
    let r = select(0.0, inf(), y < 0.0);
    return select(r, select(r, -r, bitcast<u32>(x) != 0u), odd);
  }
  if (x < 0.0 && !yInt) { return nan(); }
  let m = exp2(y * log2(abs(x)));
  return select(m, -m, x < 0.0 && odd);
}
fn floor_divide_(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return a / b; }
  let m = fmod_(a, b);
  var d = (a - m) / b;
  if (m != 0.0 && ((b < 0.0) != (m < 0.0))) { d -= 1.0; }
  if (d == 0.0) { return select(0.0, -0.0 * 1.0, (a / b) < 0.0); }
  let fl = floor(d);
  return select(fl, fl + 1.0, d - fl > 0.5);
}
fn fmod_(a: f32, b: f32) -> f32 {
  // C's fmod for finite operands; WGSL's % is a - b * trunc(a / b), which loses bits.
  if (b == 0.0 || isnan_(a) || isnan_(b) || abs(a) == inf()) { return nan(); }
  if (abs(b) == inf()) { return a; }
  let r = a - b * trunc(a / b);
  if (abs(r) >= abs(b)) { return r - b * trunc(r / b); }
  return r;
}
fn remainder_(a: f32, b: f32) -> f32 {
  let m = fmod_(a, b);
  if (m != 0.0 && ((b < 0.0) != (m < 0.0))) { return m + b; }
  return m;
}
fn max_(a: f32, b: f32) -> f32 {
  if (isnan_(a)) { return a; }
  if (isnan_(b)) { return b; }
  return select(b, a, a > b);
}
fn min_(a: f32, b: f32) -> f32 {
  if (isnan_(a)) { return a; }
  if (isnan_(b)) { return b; }
  return select(b, a, a < b);
}
`;

/** Integer helpers; faults need the status buffer (errors.ts). */
export const INT_MATH = /* wgsl */ `
fn pow_i(base: i32, e: i32) -> i32 {
  if (e < 0) { fault(2u, e, 0u, 0u); return 0; }
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
fn remainder_i(a: i32, b: i32) -> i32 {
  if (b == 0) { fault(1u, a, 0u, 0u); return 0; }
  let m = a % b;
  if (m != 0 && ((b < 0) != (m < 0))) { return m + b; }
  return m;
}
`;
