/**
 * Scalar functions whose JavaScript built-ins are missing or differ from C (and so from PyTorch).
 * They are small so that the kernels' loops inline them.
 */
import { integerDivisionByZero } from "@flambeau/tensor/internal";

/** Round half to even, as `torch.round` (Math.round rounds halves up). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round(x) - x is exactly 0.5 only for halves; move odd results down to the even one.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Logistic function without overflow: exp only ever sees a non-positive argument. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** C's `pow`: unlike Math.pow, 1**y is 1 for every y, and (-1)**±Infinity is 1. */
export function powf(x: number, y: number): number {
  if (x === 1 || ((y === Infinity || y === -Infinity) && x === -1)) return 1;
  return Math.pow(x, y);
}

/** PyTorch's floating `floor_divide` (div_floor_floating): floor of the exact quotient. */
export function floorDivF(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  const fl = Math.floor(div);
  return div - fl > 0.5 ? fl + 1 : fl;
}

/** Python's modulo (the result takes the divisor's sign), as `torch.remainder` on floats. */
export function remainderF(a: number, b: number): number {
  const mod = a % b;
  return mod !== 0 && b < 0 !== mod < 0 ? mod + b : mod;
}

/**
 * Integer power by squaring with int32 wrap-around, as PyTorch's integral `pow`; a negative
 * (tensor) exponent gives 1 for 1, ±1 for -1, else 0 (a negative number exponent is refused
 * above the backends, as PyTorch refuses it).
 */
export function powInt(base: number, exp: number): number {
  if (exp < 0) return base === 1 ? 1 : base === -1 ? (exp % 2 === 0 ? 1 : -1) : 0;
  let result = 1;
  let b = base | 0;
  let e = exp;
  while (e > 0) {
    if (e & 1) result = Math.imul(result, b);
    b = Math.imul(b, b);
    e = Math.floor(e / 2);
  }
  return result;
}

/**
 * Integral `floor_divide`; division by zero raises as in PyTorch. Exact for int64 (doubles to
 * 2^53) too: `a - a % b` is an exact multiple of `b`, where `Math.floor(a / b)` may round up.
 */
export function floorDivInt(a: number, b: number): number {
  if (b === 0) throw integerDivisionByZero("cpu");
  const mod = a % b;
  const q = (a - mod) / b;
  return mod !== 0 && b < 0 !== mod < 0 ? q - 1 : q;
}

/** Integral `remainder` with the divisor's sign; division by zero raises as in PyTorch. */
export function remainderInt(a: number, b: number): number {
  if (b === 0) throw integerDivisionByZero("cpu");
  const mod = a % b;
  return mod !== 0 && b < 0 !== mod < 0 ? mod + b : mod;
}

/** Integral `fmod` (truncated division's remainder, the dividend's sign); division by zero raises as in PyTorch. */
export function fmodInt(a: number, b: number): number {
  if (b === 0) throw integerDivisionByZero("cpu");
  return (a % b) + 0; // exact for whole numbers (int64's doubles too); + 0 turns -0 into 0
}

// W. J. Cody, "Rational Chebyshev approximations for the error function" (Math. Comp. 1969),
// as in his CALERF routine: three rational approximations, accurate to about 1e-16 in double.
const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.7992357334597,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  0.000658749161529837803, 0.0163153871373020978,
];
const Q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const INV_SQRT_PI = 0.56418958354775628695;

/** erfc(y) * exp(y^2) split as Cody does, so the exponential is taken without cancellation. */
function expScaled(y: number, r: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del) * r;
}

/** The error function (there is no Math.erf). */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) {
    const z = y > 1.11e-16 ? y * y : 0;
    let num = A[4]! * z;
    let den = z;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * z;
      den = (den + B[i]!) * z;
    }
    return (x * (num + A[3]!)) / (den + B[3]!);
  }
  let erfc: number;
  if (y <= 4) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    erfc = expScaled(y, (num + C[7]!) / (den + D[7]!));
  } else if (y < 6) {
    const z = 1 / (y * y);
    let num = P[5]! * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * z;
      den = (den + Q[i]!) * z;
    }
    erfc = expScaled(y, (INV_SQRT_PI - (z * (num + P[4]!)) / (den + Q[4]!)) / y);
  } else {
    erfc = y === y ? 0 : y; // |x| >= 6: erf is ±1 in double; NaN stays NaN
  }
  const r = 0.5 - erfc + 0.5;
  return x < 0 ? -r : r;
}
