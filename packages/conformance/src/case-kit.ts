/** Small helpers the bad-input catalogue's tables share: tensors made on the device under test. */
import * as torch from "flambeau";
import type { Involved } from "./bad-input.js";

export const f32 = (d: string, data: number[]) => torch.tensor(data, { dtype: "float32", device: d });
/** A float32 leaf that requires grad. */
export const leaf = (d: string, data: number[]) => f32(d, data).requires_grad_(true);
/** The `i`-th tensor a case built. */
export const T = (state: Involved, i = 0) => state.tensors![i]!;
/** A float32 `[1, 2, 3]` on `d`, as a case's `make`. */
export const vector = (d: string): Involved => ({ tensors: [f32(d, [1, 2, 3])] });

export async function values(t: torch.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}
