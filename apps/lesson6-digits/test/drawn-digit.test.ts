// A drawing made to look like an MNIST digit (to_mnist): the ink's box scaled to 20 pixels,
// its centre of mass in the middle of the 28×28 image — and an MNIST digit drawn ten times as
// big comes back as (nearly) itself.
import { describe, expect, it } from "vitest";
import { load_mnist, SIDE, to_mnist } from "../src/index.js";

/** A `size × size` drawing with ink where `inked(x, y)`. */
function drawing(size: number, inked: (x: number, y: number) => boolean): Float32Array {
  const ink = new Float32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) ink[y * size + x] = inked(x, y) ? 1 : 0;
  return ink;
}

const box = (img: Float32Array) => {
  let [x0, y0, x1, y1] = [SIDE, SIDE, -1, -1];
  img.forEach((v, i) => {
    if (v > 0.05) [x0, y0, x1, y1] = [Math.min(x0, i % SIDE), Math.min(y0, Math.floor(i / SIDE)), Math.max(x1, i % SIDE), Math.max(y1, Math.floor(i / SIDE))];
  });
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
};

describe("to_mnist", () => {
  it("scales a tall stroke (a '1') to 20 pixels high, keeping its shape, centred", () => {
    const img = to_mnist(drawing(280, (x, y) => x >= 40 && x < 70 && y >= 30 && y < 250), 280, 280);
    expect(img).toHaveLength(784);
    const { w, h } = box(img);
    expect(h).toBe(20);
    expect(w).toBeLessThanOrEqual(3);
    let [mass, mx, my] = [0, 0, 0];
    img.forEach((v, i) => ([mass, mx, my] = [mass + v, mx + v * (i % SIDE), my + v * Math.floor(i / SIDE)]));
    expect(Math.abs(mx / mass - 13.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(my / mass - 13.5)).toBeLessThanOrEqual(1);
  });

  it("gives all zeros for an empty drawing, and refuses ink of the wrong size", () => {
    expect(Array.from(to_mnist(new Float32Array(100), 10, 10)).every((v) => v === 0)).toBe(true);
    expect(() => to_mnist(new Float32Array(99), 10, 10)).toThrow(/to_mnist: 99 ink values for a 10×10 drawing/);
  });

  it("an MNIST digit, drawn ten times as big, comes back close to itself", async () => {
    const mnist = await load_mnist();
    const digit = mnist.images.slice(0, SIDE * SIDE);
    const big = drawing(280, (x, y) => digit[Math.floor(y / 10) * SIDE + Math.floor(x / 10)]! > 0.5);
    const back = to_mnist(big, 280, 280);
    let overlap = 0, ink = 0;
    back.forEach((v, i) => {
      ink += v > 0.5 ? 1 : 0;
      overlap += v > 0.5 && digit[i]! > 0.3 ? 1 : 0;
    });
    expect(overlap / ink).toBeGreaterThan(0.8);
  });
});
