import { describe, expect, it } from "vitest";
import { fitFontSize, textWidth } from "../src/text-metrics.js";

describe("DejaVu Sans text widths", () => {
  it("measures with the font's advance widths", () => {
    expect(textWidth("0", 2048)).toBe(1303);
    expect(textWidth("il", 2048)).toBe(569 * 2);
    expect(textWidth("\u2212", 2048)).toBe(1716);
    expect(textWidth("M", 2048, true)).toBeCloseTo(1767 * 1.115);
  });

  it("shrinks a font so a long title fits, down to 60%", () => {
    expect(fitFontSize("short", 16, 600)).toBe(16);
    const long = "A scatter plot of our synthetic movie revenue vs budget data (in millions)";
    const size = fitFontSize(long, 16.7, 500);
    expect(size).toBeLessThan(16.7);
    expect(textWidth(long, size)).toBeCloseTo(500);
    expect(fitFontSize(long.repeat(5), 16, 100)).toBeCloseTo(9.6);
  });
});
