/**
 * Each binary op as kernel statements that set `r` from `x` and `y`: the shared recipes of
 * `@flambeau/scalar-math` printed to gpu.js JavaScript, except the integral forms below (int32
 * and bool operands hold exact integers in floats; see values.ts).
 */
import type { BinaryOp } from "@flambeau/tensor/internal";
import { BINARY, jsStatements } from "@flambeau/scalar-math";

/** `y` is odd (for integral `y`; huge floats are all even, as they are). */
const odd = (y: string) => `(${y} - 2 * Math.floor(${y} / 2) != 0)`;

/**
 * Floor division and Python's modulo from one quotient: `q = floor(x / y)` may be one off
 * (GPU division is not correctly rounded), so the remainder is brought into the divisor's
 * half-open range and the quotient follows it. Exact for integers, within rounding for floats.
 */
const FLOOR_DIVMOD =
  "let q = Math.floor(x / y); let m = x - q * y; " +
  "if (y > 0) { if (m < 0) { m = m + y; q = q - 1; } if (m >= y) { m = m - y; q = q + 1; } } " +
  "else { if (m > 0) { m = m + y; q = q - 1; } if (m <= y) { m = m - y; q = q + 1; } }";

/**
 * Integral forms where they differ. A zero divisor never reaches the kernel (the backend
 * refuses it first, data-checks.ts); the guard only keeps the kernel total.
 */
const INTEGRAL: Partial<Record<BinaryOp, string>> = {
  // Squaring in floats is exact while the result fits 2^24; 31 rounds cover every int32 exponent.
  pow:
    `if (y < 0) { if (x == 1) { r = 1; } else if (x == -1) { if (${odd("y")}) { r = -1; } else { r = 1; } } else { r = 0; } } ` +
    "else { let b = x; let e = y; r = 1; for (let i = 0; i < 31; i++) { if (e > 0) { let h = Math.floor(e / 2); if (e - 2 * h > 0) { r = r * b; } b = b * b; e = h; } } }",
  floor_divide: `if (y == 0) { r = 0; } else { ${FLOOR_DIVMOD} r = q; }`,
  remainder: `if (y == 0) { r = 0; } else { ${FLOOR_DIVMOD} r = m; }`,
  fmod: `if (y == 0) { r = 0; } else { ${FLOOR_DIVMOD} if (m != 0 && ((m < 0) != (x < 0))) { r = m - y; } else { r = m; } }`,
};

/**
 * Powers to a known scalar exponent that PyTorch computes with cheaper ops
 * (pow_tensor_scalar), so `x.pow(2)` is exactly `x * x` as on the CPU.
 */
const SCALAR_POW = new Map<number, string>([
  [2, "r = x * x;"],
  [0.5, "if (x < 0) { r = nanv; } else { r = Math.sqrt(x); }"],
  [-1, "r = 1 / x;"],
  [1, "r = x;"],
]);

/**
 * Statements computing binary `op` in the computation dtype (`integral` for int32 and bool);
 * `scalarExponent` is the exponent of a pow whose exponent is one known number.
 */
export function binaryCode(op: BinaryOp, integral: boolean, scalarExponent?: number): string {
  if (op === "pow" && !integral && scalarExponent !== undefined) {
    const special = SCALAR_POW.get(scalarExponent);
    if (special) return special;
  }
  const integralCode = integral ? INTEGRAL[op] : undefined;
  if (integralCode !== undefined) return integralCode;
  const recipe = BINARY[op];
  if (recipe === undefined) throw new Error(`gpujs: binary: unknown op '${op as string}'`);
  return jsStatements(recipe, ["x", "y"], "r");
}
