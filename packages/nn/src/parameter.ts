import { Tensor, keep, zeros } from "@flambeau/tensor";
import { checkTensor } from "@flambeau/tensor/internal";

/**
 * A tensor that is a module parameter (`torch.nn.Parameter`): assigning one to a field of a
 * {@link Module} registers it, so it appears in `parameters()` and `state_dict()`. It shares
 * memory with the tensor it wraps and requires grad unless told otherwise.
 *
 * @example
 * ```ts
 * class Scale extends nn.Module {
 *   w = new nn.Parameter(torch.ones(3));
 *   forward(x: Tensor) { return x.mul(this.w); }
 * }
 * ```
 */
export class Parameter extends Tensor {
  constructor(data: Tensor = zeros(0), requires_grad = true) {
    checkTensor("nn.Parameter", "data", data); // an internal "reading 'buffer'" error before
    super(data._storage, data.shape, data.strides, data.offset);
    this.requires_grad_(requires_grad);
    keep(this); // a parameter outlives any memory scope it was made in (scope.ts)
  }

  /** PyTorch's form: `Parameter containing:` above the tensor. */
  override toString(): string {
    return `Parameter containing:\n${super.toString()}`;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type DataFields = Pick<Tensor, "_storage" | "buffer" | "dtype" | "shape" | "strides" | "offset">;

/**
 * Point `t` at `src`'s memory while keeping the object, as PyTorch's `param.data = src`.
 * `Module.to(device)` uses it so parameters keep their identity (an optimizer made before the
 * move still holds the same objects).
 * @internal
 */
export function setData(t: Tensor, src: Tensor): void {
  const fields: DataFields = {
    _storage: src._storage, buffer: src.buffer, dtype: src.dtype, shape: src.shape, strides: src.strides, offset: src.offset,
  };
  Object.assign(t as Mutable<DataFields>, fields);
  src._storage._kept = t._storage._kept || src._storage._kept;
}
