/**
 * Each binary op as kernel statements that set `r` from `x` and `y`, in floating or in
 * integral form (int32 and bool operands hold exact integers in floats; see values.ts).
 */
import type { BinaryOp } from "@flambeau/tensor";

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

const FLOAT: Record<BinaryOp, string> = {
  add: "r = x + y;",
  sub: "r = x - y;",
  mul: "r = x * y;",
  div: "r = x / y;",
  // C's pow: GLSL's pow(x, y) is exp2(y * log2(x)), undefined for x <= 0.
  pow:
    "if (y == 0 || x == 1) { r = 1; } else if (x != x || y != y) { r = nanv; } " +
    "else if (x == 0) { if (y > 0) { r = 0; } else { r = infv; } } " +
    `else if (x < 0) { if (Math.floor(y) != y) { r = nanv; } else { r = Math.pow(-x, y); if (${odd("y")}) { r = -r; } } } ` +
    "else { r = Math.pow(x, y); }",
  // NaN in either operand wins, as in torch.maximum.
  maximum: "if (x > y || x != x) { r = x; } else { r = y; }",
  minimum: "if (x < y || x != x) { r = x; } else { r = y; }",
  // GLSL's atan(y, x) is undefined at the origin; C gives ±0 or ±pi by the zeros' signs.
  atan2:
    "if (x != x || y != y) { r = x + y; } else if (x == 0 && y == 0) { if (1 / y < 0) { r = 3.141592653589793; } else { r = 0; } if (1 / x < 0) { r = -r; } } else { r = Math.atan2(x, y); }",
  floor_divide: `if (y == 0) { r = x / y; } else { ${FLOOR_DIVMOD} r = q; }`,
  remainder: `if (y == 0) { r = nanv; } else { ${FLOOR_DIVMOD} r = m; }`,
  eq: "if (x == y) { r = 1; } else { r = 0; }",
  ne: "if (x != y) { r = 1; } else { r = 0; }",
  lt: "if (x < y) { r = 1; } else { r = 0; }",
  le: "if (x <= y) { r = 1; } else { r = 0; }",
  gt: "if (x > y) { r = 1; } else { r = 0; }",
  ge: "if (x >= y) { r = 1; } else { r = 0; }",
  // Nonzero (NaN included) is true.
  logical_and: "if (x != 0 && y != 0) { r = 1; } else { r = 0; }",
  logical_or: "if (x != 0 || y != 0) { r = 1; } else { r = 0; }",
  logical_xor: "if ((x != 0 && y == 0) || (x == 0 && y != 0)) { r = 1; } else { r = 0; }",
};

/** Integral forms where they differ. Integer division by zero gives 0 (PyTorch's CPU raises; a kernel cannot). */
const INTEGRAL: Partial<Record<BinaryOp, string>> = {
  // Squaring in floats is exact while the result fits 2^24; 31 rounds cover every int32 exponent.
  pow:
    `if (y < 0) { if (x == 1) { r = 1; } else if (x == -1) { if (${odd("y")}) { r = -1; } else { r = 1; } } else { r = 0; } } ` +
    "else { let b = x; let e = y; r = 1; for (let i = 0; i < 31; i++) { if (e > 0) { let h = Math.floor(e / 2); if (e - 2 * h > 0) { r = r * b; } b = b * b; e = h; } } }",
  floor_divide: `if (y == 0) { r = 0; } else { ${FLOOR_DIVMOD} r = q; }`,
  remainder: `if (y == 0) { r = 0; } else { ${FLOOR_DIVMOD} r = m; }`,
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
  const code = (integral && INTEGRAL[op]) || FLOAT[op];
  if (code === undefined) throw new Error(`gpujs: binary: unknown op '${op as string}'`);
  return code;
}
