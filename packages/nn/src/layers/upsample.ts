import type { Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { interpolate, type InterpolateMode, type InterpolateOptions } from "../functional/interpolate.js";
import { pyFloat } from "../repr.js";
import { checkConstructorOptions, isOptions } from "../options.js";
import { pySize } from "./pooling.js";

/** PyTorch's keyword arguments of {@link Upsample}: those of `F.interpolate` but `antialias`. */
export type UpsampleOptions = Omit<InterpolateOptions, "antialias">;

export interface Upsample {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.Upsample(size, scale_factor, mode, align_corners, recompute_scale_factor)`:
 * `F.interpolate` as a layer.
 *
 * @example
 * ```ts
 * const up = new nn.Upsample({ scale_factor: 2, mode: "bilinear" });
 * up(torch.randn([1, 3, 8, 8])).shape; // [1, 3, 16, 16]
 * ```
 */
export class Upsample extends Module {
  declare readonly size: number | readonly number[] | null;
  declare readonly scale_factor: number | readonly number[] | null;
  declare readonly mode: InterpolateMode;
  declare readonly align_corners: boolean | null;
  declare readonly recompute_scale_factor: boolean | null;
  constructor(size: number | readonly number[] | null | UpsampleOptions = null, scale_factor: number | readonly number[] | null = null,
    mode: InterpolateMode = "nearest", align_corners: boolean | null = null) {
    super();
    const o: UpsampleOptions = isOptions(size) ? { ...(size as UpsampleOptions) } : { size: size as number | null, scale_factor, mode, align_corners };
    checkConstructorOptions("Upsample", o);
    this.size = o.size ?? null;
    this.scale_factor = o.scale_factor ?? null;
    this.mode = o.mode ?? "nearest";
    this.align_corners = o.align_corners ?? null;
    this.recompute_scale_factor = o.recompute_scale_factor ?? null;
  }
  override forward(input: Tensor): Tensor {
    return interpolate(input, {
      size: this.size, scale_factor: this.scale_factor, mode: this.mode, align_corners: this.align_corners, recompute_scale_factor: this.recompute_scale_factor,
    });
  }
  override extra_repr(): string {
    const f = this.scale_factor;
    const head = f !== null ? `scale_factor=${typeof f === "number" ? pyFloat(f) : `(${f.map(pyFloat).join(", ")})`}` : `size=${pySize(this.size)}`;
    return `${head}, mode=${this.mode}`;
  }
}
