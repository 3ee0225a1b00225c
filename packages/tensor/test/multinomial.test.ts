// multinomial's checks of the probabilities, which need a device that reads synchronously.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";

describe("multinomial refuses invalid probabilities on the CPU, as PyTorch does", () => {
  const cases: [string, number[] | number[][], RegExp][] = [
    ["a negative probability", [0.5, -0.1, 0.6], /contains either `inf`, `nan` or element < 0/],
    ["an infinite probability", [0.5, Infinity], /contains either `inf`, `nan` or element < 0/],
    ["a NaN probability", [NaN, 1], /contains either `inf`, `nan` or element < 0/],
    ["a row of zeros", [[0.5, 0.5], [0, 0]], /sum of probabilities <= 0/],
  ];
  for (const [what, probs, message] of cases)
    it(`with ${what}`, () => {
      const p = torch.tensor(probs, { dtype: "float32" });
      expect(() => p.multinomial(1)).toThrow(message);
      expect(() => p.multinomial(3, { replacement: true })).toThrow(message);
    });

  it("draws the same with an explicit generator as after manual_seed", () => {
    const p = torch.tensor([0.2, 0.1, 0.4, 0.3]);
    torch.manual_seed(9);
    const seeded = p.multinomial(4).tolistSync();
    const g = new torch.Generator().manual_seed(9);
    expect(torch.multinomial(p, 4, { generator: g }).tolistSync()).toEqual(seeded);
    expect([...(seeded as number[])].sort()).toEqual([0, 1, 2, 3]);
  });
});
