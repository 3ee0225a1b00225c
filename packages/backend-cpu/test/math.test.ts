import { describe, expect, it } from "vitest";
import { erf, floorDivF, floorDivInt, powf, powInt, remainderF, remainderInt, roundHalfEven, sigmoid } from "../src/kernels/math.js";

/** erf by its Maclaurin series (exact enough below 3) or the erfc continued fraction above. */
function erfReference(x: number): number {
  const a = Math.abs(x);
  let r: number;
  if (a < 3) {
    let term = a;
    let sum = a;
    for (let n = 1; n < 200; n++) {
      term *= (-a * a) / n;
      sum += term / (2 * n + 1);
    }
    r = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc(a) = exp(-a^2)/sqrt(pi) * 1/(a + 1/2/(a + 1/(a + 3/2/(a + ...)))), evaluated bottom-up.
    let f = a;
    for (let n = 200; n >= 1; n--) f = a + n / 2 / f;
    r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
  }
  return x < 0 ? -r : r;
}

describe("erf", () => {
  it("matches known values", () => {
    expect(erf(0)).toBe(0);
    expect(erf(0.1)).toBeCloseTo(0.1124629160182849, 14);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(-2)).toBeCloseTo(-0.9953222650189527, 14);
    expect(erf(3)).toBeCloseTo(0.9999779095030014, 14);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });

  it("stays within 1e-7 of a series reference over [-7, 7]", () => {
    let worst = 0;
    for (let x = -7; x <= 7; x += 0.0137) worst = Math.max(worst, Math.abs(erf(x) - erfReference(x)));
    expect(worst).toBeLessThan(1e-7);
  });
});

describe("scalar helpers", () => {
  it("rounds half to even", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, -2, 2, 3, -3]);
    expect(roundHalfEven(1e300)).toBe(1e300);
  });

  it("sigmoid does not overflow", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
  });

  it("pow follows C where Math.pow differs", () => {
    expect(powf(1, NaN)).toBe(1);
    expect(powf(-1, Infinity)).toBe(1);
    expect(powf(NaN, 0)).toBe(1);
    expect(powf(2, 10)).toBe(1024);
    expect(Number.isNaN(powf(-2, 0.5))).toBe(true);
  });

  it("floor_divide and remainder use Python's signs", () => {
    expect(floorDivF(7, -2)).toBe(-4);
    expect(floorDivF(-7, 2)).toBe(-4);
    expect(floorDivF(7.5, 2)).toBe(3);
    expect(floorDivF(1, 0)).toBe(Infinity);
    expect(Object.is(floorDivF(-0.5, 2), -1)).toBe(true);
    expect(Object.is(floorDivF(0, -3), -0)).toBe(true);
    expect(remainderF(-7, 3)).toBe(2);
    expect(remainderF(7, -3)).toBe(-2);
    expect(remainderF(5.5, 2)).toBe(1.5);
    expect(Number.isNaN(remainderF(1, 0))).toBe(true);
    expect(floorDivInt(-7, 2)).toBe(-4);
    expect(remainderInt(-7, 3)).toBe(2);
    expect(remainderInt(7, -3)).toBe(-2);
    expect(() => floorDivInt(1, 0)).toThrow("ZeroDivisionError");
    expect(() => remainderInt(1, 0)).toThrow("ZeroDivisionError");
  });

  it("integer pow wraps like int32; a negative exponent gives PyTorch's 1, ±1 or 0", () => {
    expect(powInt(3, 4)).toBe(81);
    expect(powInt(-2, 3)).toBe(-8);
    expect(powInt(0, 0)).toBe(1);
    expect(powInt(2, 31)).toBe(-(2 ** 31));
    expect(powInt(3, 40)).toBe(Number(BigInt.asIntN(32, 3n ** 40n)));
    // PyTorch 1.13: tensor([1, -1, 2, 0, -1]) ** tensor([-2, -3, -1, -1, -2]) is [1, -1, 0, 0, 1].
    expect([powInt(1, -2), powInt(-1, -3), powInt(2, -1), powInt(0, -1), powInt(-1, -2)]).toEqual([1, -1, 0, 0, 1]);
  });
});
