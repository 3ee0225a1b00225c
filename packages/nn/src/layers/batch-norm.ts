import { ones, tensor, zeros, type DType, type DeviceLike, type Tensor } from "@flambeau/tensor";
import { no_grad } from "@flambeau/autograd";
import { factoryOptions, checkConstructorOptions } from "../options.js";
import { checkConstructorKinds } from "../constructor-kinds.js";
import { Module } from "../module.js";
import { Parameter } from "../parameter.js";
import { batch_norm } from "../functional/normalization.js";
import { pyBool, pyFloat, pyOptionalFloat } from "../repr.js";

/** Options of {@link BatchNorm1d}. */
export interface BatchNormOptions {
  eps?: number;
  /** Weight of the newest batch in the running statistics; null for a cumulative average. */
  momentum?: number | null;
  affine?: boolean;
  track_running_stats?: boolean;
  device?: DeviceLike;
  dtype?: DType;
}

export interface BatchNorm1d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.BatchNorm1d` over `(N, C)` or `(N, C, L)` inputs: normalise each channel by the
 * batch statistics while training (keeping running averages in the buffers `running_mean`,
 * `running_var` and `num_batches_tracked`) and by the running statistics in evaluation mode.
 *
 * @example
 * ```ts
 * const bn = new nn.BatchNorm1d(3);
 * bn(torch.randn([8, 3]));
 * bn.eval();
 * ```
 */
export class BatchNorm1d extends Module {
  declare readonly num_features: number;
  declare readonly eps: number;
  declare momentum: number | null;
  declare readonly affine: boolean;
  declare readonly track_running_stats: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(num_features: number, options: BatchNormOptions = {}) {
    super();
    const owner = new.target === BatchNorm2d ? "BatchNorm2d" : "BatchNorm1d";
    checkConstructorKinds(owner, { num_features });
    checkConstructorOptions(owner, options);
    this.num_features = num_features;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    this.affine = options.affine ?? true;
    this.track_running_stats = options.track_running_stats ?? true;
    const factory = factoryOptions(options);
    if (this.affine) {
      this.weight = new Parameter(ones([num_features], factory));
      this.bias = new Parameter(zeros([num_features], factory));
    } else {
      this.register_parameter("weight", null);
      this.register_parameter("bias", null);
    }
    const track = this.track_running_stats;
    this.register_buffer("running_mean", track ? zeros([num_features], factory) : null);
    this.register_buffer("running_var", track ? ones([num_features], factory) : null);
    this.register_buffer("num_batches_tracked", track ? zeros([], { ...factoryOptions(options), dtype: "int32" }) : null);
  }

  /** PyTorch's `_check_input_dim`. */
  protected _check_input_dim(input: Tensor): void {
    if (input.ndim !== 2 && input.ndim !== 3) throw new Error(`expected 2D or 3D input (got ${input.ndim}D input)`);
  }

  override forward(input: Tensor): Tensor {
    this._check_input_dim(input);
    let factor: number | Tensor = this.momentum ?? 0;
    if (this.training && this.track_running_stats && this.num_batches_tracked) {
      const tracked = this.num_batches_tracked;
      no_grad(() => tracked.add_(1));
      // momentum null: a cumulative moving average, weighting every batch equally. The
      // factor stays a tensor so that no device has to read the count back.
      if (this.momentum === null) factor = tracked.to(input.dtype).reciprocal();
    }
    const useBatchStats = this.training || (this.running_mean === null && this.running_var === null);
    const stats = !this.training || this.track_running_stats ? [this.running_mean, this.running_var] as const : [null, null] as const;
    return batch_norm(input, stats[0], stats[1], {
      weight: this.weight, bias: this.bias, training: useBatchStats, momentum: factor, eps: this.eps,
    });
  }

  // Checkpoints from before num_batches_tracked existed load with it at 0, as in PyTorch.
  override _load_state_defaults(state: Map<string, unknown>, prefix: string): void {
    const key = `${prefix}num_batches_tracked`;
    if (this.track_running_stats && !state.has(key)) state.set(key, tensor(0, { dtype: "int32" }));
  }

  override extra_repr(): string {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${pyOptionalFloat(this.momentum)}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.track_running_stats)}`;
  }
}

export interface BatchNorm2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.BatchNorm2d` over `(N, C, H, W)` inputs: {@link BatchNorm1d}'s normalisation per
 * channel, with statistics over the batch and both spatial dimensions; the same parameters,
 * buffers and `state_dict` keys (`weight`, `bias`, `running_mean`, `running_var`,
 * `num_batches_tracked`).
 *
 * @example
 * ```ts
 * const bn = new nn.BatchNorm2d(16);
 * bn(torch.randn([8, 16, 5, 5])).shape; // [8, 16, 5, 5]
 * ```
 */
export class BatchNorm2d extends BatchNorm1d {
  protected override _check_input_dim(input: Tensor): void {
    if (input.ndim !== 4) throw new Error(`expected 4D input (got ${input.ndim}D input)`);
  }
}
