/**
 * Bad-input rows: memory shared with typed arrays and files written (issue 11). `numpy()` and
 * `from_numpy()` share memory as in PyTorch or refuse; `save` refuses what `load` could not read;
 * the DataLoader's collation keeps a typed array's values.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase, Involved } from "./bad-input.js";
import { f32, T, values } from "./case-kit.js";

export const BAD_IO_CASES: BadInputCase[] = [
  {
    name: "t.numpy() shares memory on the CPU and is refused elsewhere, as in PyTorch",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3, 4])] }),
    run: (s) => s,
    gives: async (s: Involved) => {
      const t = T(s);
      if (t.device.type !== "cpu") {
        expect(() => t.numpy()).toThrow(TypeError);
        expect(() => t.numpy()).toThrow(`can't convert ${t.device.type} device type tensor to numpy`);
        return;
      }
      const a = t.numpy();
      a[0] = 5;
      t.index(1).fill_(7);
      expect(Array.from(a)).toEqual([5, 7, 3, 4]);
      expect(await values(t)).toEqual([5, 7, 3, 4]);
      const slice = t.index("2:").numpy();
      slice[0] = 9;
      expect(await values(t)).toEqual([5, 7, 9, 4]);
      expect(() => t.reshape([2, 2]).t().numpy()).toThrow("contiguous");
    },
  },
  {
    name: "torch.save({ __metadata__: t }) (a key safetensors reserves)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.saveToBytes({ __metadata__: T(s) }),
    error: Error,
    words: ["save", "'__metadata__' is reserved", "safetensors"],
  },
  // PyTorch's from_numpy of an int64 array is an int64 tensor sharing it; here it cannot share.
  {
    name: "from_numpy of a BigInt64Array (an internal 'Cannot convert a BigInt' before)",
    run: () => torch.from_numpy(new BigInt64Array([1n, 2n]) as never),
    error: TypeError,
    words: ["from_numpy(): a BigInt64Array cannot share memory with a tensor", "torch.tensor(Array.from(array, Number)"],
  },
  {
    name: "from_numpy of a plain array",
    run: () => torch.from_numpy([1, 2] as never),
    error: TypeError,
    words: ["from_numpy(): expected a typed array", "but got array"],
  },
  // PyTorch's from_numpy of uint8, int8, int16 gives those dtypes, sharing; Flambeau has none of
  // them, and a Uint8Array became a bool tensor (2 read as true), the others int32 copies.
  ...(
    [
      [() => new Uint8Array([0, 2, 255]), "a Uint8Array"],
      [() => new Int8Array([1, -2]), "an Int8Array"],
      [() => new Int16Array([1, -2]), "an Int16Array"],
      [() => new Uint16Array([1, 2]), "a Uint16Array"],
      [() => new Uint32Array([1, 2 ** 32 - 1]), "a Uint32Array"],
    ] as const
  ).map(([array, what]): BadInputCase => ({
    name: `from_numpy of ${what} (no dtype to share it as)`,
    run: () => torch.from_numpy(array() as never),
    error: TypeError,
    words: [`from_numpy(): ${what} cannot share memory with a tensor`, "torch.tensor(Array.from(array))"],
  })),
  {
    name: "from_numpy of an Int32Array shares its memory as int32",
    run: () => {
      const array = new Int32Array([1, 2, 3]);
      return [array, torch.from_numpy(array)] as const;
    },
    gives: async ([array, t]: [Int32Array, torch.Tensor]) => {
      expect(t.dtype).toBe("int32");
      array[1] = 7;
      expect(await values(t)).toEqual([1, 7, 3]);
    },
  },
  // PyTorch: default_collate of uint8 arrays is a uint8 tensor tensor([[0, 200], [1, 2]]); here
  // it was bool (200 read as true). Flambeau has no uint8: int32, same values.
  {
    name: "default_collate and default_convert of Uint8Array samples keep their values (int32), not bool",
    run: () => [
      torch.utils.data.default_collate([new Uint8Array([0, 200]), new Uint8Array([1, 2])]),
      torch.utils.data.default_convert(new Int16Array([-3, 300])) as torch.Tensor,
    ],
    gives: async ([batch, converted]: torch.Tensor[]) => {
      expect(batch!.dtype).toBe("int32");
      expect(batch!.shape).toEqual([2, 2]);
      expect(await values(batch!)).toEqual([0, 200, 1, 2]);
      expect(await values(converted!)).toEqual([-3, 300]);
    },
  },
  {
    name: "torch.from of a Uint32Array value past int32 (wrapped to -1 before)",
    run: () => torch.from(new Uint32Array([1, 2 ** 32 - 1]) as never),
    error: RangeError,
    words: ["from(): a Uint32Array value 4294967295 does not fit int32", "torch.tensor(Array.from(array), { dtype: \"int64\" })"],
  },
];
