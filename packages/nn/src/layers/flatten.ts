import type { Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { positional, checkConstructorOptions } from "../options.js";

/** Options of {@link Flatten}. */
export interface FlattenOptions {
  start_dim?: number;
  end_dim?: number;
}

export interface Flatten {
  (input: Tensor): Tensor;
}

/**
 * Flatten dimensions `start_dim..end_dim` into one (`torch.nn.Flatten`); by default all but
 * the batch dimension.
 *
 * @example
 * ```ts
 * new nn.Flatten()(torch.zeros([2, 3, 4])).shape; // [2, 12]
 * ```
 */
export class Flatten extends Module {
  declare readonly start_dim: number;
  declare readonly end_dim: number;

  constructor(start_dim: number | FlattenOptions = 1, end_dim = -1) {
    super();
    const o = positional<FlattenOptions, "start_dim">(start_dim, "start_dim", { end_dim });
    checkConstructorOptions("Flatten", o);
    this.start_dim = o.start_dim ?? 1;
    this.end_dim = o.end_dim ?? -1;
  }
  override forward(input: Tensor): Tensor {
    return input.flatten(this.start_dim, this.end_dim);
  }
  override extra_repr(): string {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}
