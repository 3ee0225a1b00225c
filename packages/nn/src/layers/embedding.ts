import { empty, type DType, type DeviceLike, type Tensor } from "@flambeau/tensor";
import { no_grad } from "@flambeau/autograd";
import { factoryOptions, checkConstructorOptions } from "../options.js";
import { checkConstructorKinds } from "../constructor-kinds.js";
import { Module } from "../module.js";
import { Parameter } from "../parameter.js";
import { embedding } from "../functional/embedding.js";
import { normal_ } from "../init.js";

/** Options of {@link Embedding}. */
export interface EmbeddingOptions {
  /** An index whose row stays at zero and gets no gradient. */
  padding_idx?: number | null;
  /** Use this tensor as the weight instead of initialising one. */
  _weight?: Tensor | null;
  /** Freeze the weight (`requires_grad = false`); used by {@link Embedding.from_pretrained}. */
  _freeze?: boolean;
  device?: DeviceLike;
  dtype?: DType;
}

export interface Embedding {
  (input: Tensor): Tensor;
}

/**
 * A lookup table (`torch.nn.Embedding`): integer indices pick rows of `weight`
 * (`[num_embeddings, embedding_dim]`, initialised from N(0, 1)).
 *
 * @example
 * ```ts
 * const emb = new nn.Embedding(10, 3, { padding_idx: 0 });
 * emb(torch.tensor([[1, 2, 0]])).shape; // [1, 3, 3]
 * ```
 */
export class Embedding extends Module {
  declare readonly num_embeddings: number;
  declare readonly embedding_dim: number;
  declare readonly padding_idx: number | null;
  declare weight: Parameter;

  constructor(num_embeddings: number, embedding_dim: number, options: EmbeddingOptions = {}) {
    super();
    checkConstructorKinds("Embedding", { num_embeddings, embedding_dim });
    checkConstructorOptions("Embedding", options);
    this.num_embeddings = num_embeddings;
    this.embedding_dim = embedding_dim;
    let pad = options.padding_idx ?? null;
    if (pad !== null) {
      if (pad >= num_embeddings || pad < -num_embeddings) throw new Error("Padding_idx must be within num_embeddings");
      if (pad < 0) pad += num_embeddings;
    }
    this.padding_idx = pad;
    const given = options._weight ?? null;
    if (given && (given.ndim !== 2 || given.shape[0] !== num_embeddings || given.shape[1] !== embedding_dim))
      throw new Error("Shape of weight does not match num_embeddings and embedding_dim");
    this.weight = new Parameter(given ?? empty([num_embeddings, embedding_dim], factoryOptions(options)), !options._freeze);
    if (!given) this.reset_parameters();
  }

  /**
   * An embedding holding `embeddings` (frozen unless `freeze: false`).
   *
   * @example
   * ```ts
   * const emb = nn.Embedding.from_pretrained(vectors, { freeze: false });
   * ```
   */
  static from_pretrained<T extends typeof Embedding>(
    this: T, embeddings: Tensor, options: { freeze?: boolean; padding_idx?: number | null } = {},
  ): InstanceType<T> {
    if (embeddings.ndim !== 2) throw new Error("Embeddings parameter is expected to be 2-dimensional");
    const [rows, cols] = embeddings.shape as [number, number];
    // `this`, as PyTorch's `cls`; naming the class in its own body would make bundlers rename it.
    return new this(rows, cols, { _weight: embeddings, _freeze: options.freeze ?? true, padding_idx: options.padding_idx ?? null }) as InstanceType<T>;
  }

  /** Draw the weight from N(0, 1) and zero the padding row. */
  reset_parameters(): void {
    normal_(this.weight);
    if (this.padding_idx !== null) no_grad(() => this.weight.select(0, this.padding_idx!).fill_(0));
  }

  override forward(input: Tensor): Tensor {
    return embedding(input, this.weight, this.padding_idx);
  }

  override extra_repr(): string {
    return `${this.num_embeddings}, ${this.embedding_dim}${this.padding_idx !== null ? `, padding_idx=${this.padding_idx}` : ""}`;
  }
}
