import { can_read_sync, where, zeros, type Tensor } from "@flambeau/tensor";
import { asyncReadRequired, indexSelectAt, indexSite, legacyTypeName, scatterAt } from "@flambeau/tensor/internal";

/** Refuse indices that are not integers; indices out of range are refused by `index_select`, naming `embedding`. */
function checkIndices(input: Tensor, what: string): void {
  if (input.dtype !== "int32" && input.dtype !== "int64")
    throw new Error(
      `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ${legacyTypeName(input.dtype)} instead (while checking arguments for ${what})`,
    );
}

/**
 * `F.embedding`: rows of `weight` picked by integer `input`, shaped `[...input.shape, dim]`.
 * Rows at `padding_idx` get no gradient.
 *
 * @example
 * ```ts
 * F.embedding(torch.tensor([[1, 2]]), torch.randn([10, 3])).shape; // [1, 2, 3]
 * ```
 */
export function embedding(input: Tensor, weight: Tensor, padding_idx: number | null = null): Tensor {
  const [num, dim] = weight.shape as [number, number];
  checkIndices(input, "embedding");
  const site = indexSite("embedding", { input: input.shape, weight: weight.shape }, 0, "index out of range in self");
  const rows = indexSelectAt(weight, 0, input.reshape([-1]), site).reshape([...input.shape, dim]);
  if (padding_idx === null || !rows.requires_grad) return rows;
  const pad = padding_idx < 0 ? padding_idx + num : padding_idx;
  // The detached copy carries the value but no gradient at padding positions.
  return where(input.eq(pad).unsqueeze(-1), rows.detach(), rows);
}

/**
 * `F.one_hot`: integer class indices to one-hot rows (int32), `num_classes` wide (by default
 * one more than the largest index, which needs a device that reads synchronously).
 *
 * @example
 * ```ts
 * F.one_hot(torch.tensor([0, 2]), 3); // tensor([[1, 0, 0], [0, 0, 1]], dtype=torch.int32)
 * ```
 */
export function one_hot(tensor: Tensor, num_classes = -1): Tensor {
  if (tensor.dtype !== "int32" && tensor.dtype !== "int64") throw new Error("one_hot is only applicable to index tensor.");
  const readable = can_read_sync(tensor) && tensor.numel() > 0;
  if (num_classes === -1 && !can_read_sync(tensor))
    throw asyncReadRequired("one_hot() with num_classes=-1", tensor.device, "pass num_classes");
  const n = num_classes === -1 ? (readable ? tensor.max().itemSync() + 1 : 0) : num_classes;
  if (readable && tensor.min().itemSync() < 0) throw new Error("Class values must be non-negative.");
  if (readable && tensor.max().itemSync() >= n) throw new Error("Class values must be smaller than num_classes.");
  // Scattered, as PyTorch does: where the indices cannot be read here (WebGPU), scatter's
  // kernel still reports one out of range (at the next read, like CUDA's device assert).
  const site = indexSite("one_hot", { input: tensor.shape }, tensor.ndim);
  return scatterAt(zeros([...tensor.shape, n], { dtype: "int32", device: tensor.device }), -1, tensor.unsqueeze(-1), 1, site);
}
