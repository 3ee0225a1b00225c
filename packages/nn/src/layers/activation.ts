/** Activation layers: thin modules over the functions of `nn.functional`. */
import type { Tensor } from "@flambeau/tensor";
import { checkTensor } from "@flambeau/tensor/internal";
import { Module } from "../module.js";
import * as F from "../functional/activation.js";
import { pyFloat } from "../repr.js";
import { positional, checkConstructorOptions } from "../options.js";

export interface ReLU { (input: Tensor): Tensor }
/** `torch.nn.ReLU`: `max(x, 0)`. @example `new nn.ReLU()(x)` */
export class ReLU extends Module {
  declare readonly inplace: boolean;
  constructor(inplace: boolean | { inplace?: boolean } = false) {
    super();
    const o = positional<{ inplace?: boolean }, "inplace">(inplace, "inplace");
    checkConstructorOptions("ReLU", o);
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.relu(input, this.inplace);
  }
  override extra_repr(): string {
    return this.inplace ? "inplace=True" : "";
  }
}

/** Options of {@link LeakyReLU}. */
export interface LeakyReLUOptions {
  negative_slope?: number;
  inplace?: boolean;
}
export interface LeakyReLU { (input: Tensor): Tensor }
/** `torch.nn.LeakyReLU`: `x` where positive, `negative_slope * x` elsewhere. @example `new nn.LeakyReLU(0.2)` */
export class LeakyReLU extends Module {
  declare readonly negative_slope: number;
  declare readonly inplace: boolean;
  constructor(negative_slope: number | LeakyReLUOptions = 0.01, inplace = false) {
    super();
    const o = positional<LeakyReLUOptions, "negative_slope">(negative_slope, "negative_slope", { inplace });
    checkConstructorOptions("LeakyReLU", o);
    this.negative_slope = o.negative_slope ?? 0.01;
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.leaky_relu(input, this.negative_slope, this.inplace);
  }
  override extra_repr(): string {
    return `negative_slope=${pyFloat(this.negative_slope)}${this.inplace ? ", inplace=True" : ""}`;
  }
}

export interface Sigmoid { (input: Tensor): Tensor }
/** `torch.nn.Sigmoid`: `1 / (1 + exp(-x))`. @example `new nn.Sigmoid()(x)` */
export class Sigmoid extends Module {
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.sigmoid(input);
  }
}

export interface Tanh { (input: Tensor): Tensor }
/** `torch.nn.Tanh`. @example `new nn.Tanh()(x)` */
export class Tanh extends Module {
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.tanh(input);
  }
}

export interface GELU { (input: Tensor): Tensor }
/** `torch.nn.GELU`: `x * Φ(x)`, exact or (`approximate: "tanh"`) approximated. @example `new nn.GELU({ approximate: "tanh" })` */
export class GELU extends Module {
  declare readonly approximate: "none" | "tanh";
  constructor(approximate: "none" | "tanh" | { approximate?: "none" | "tanh" } = "none") {
    super();
    const o = positional<{ approximate?: "none" | "tanh" }, "approximate">(approximate, "approximate");
    checkConstructorOptions("GELU", o);
    this.approximate = o.approximate ?? "none";
  }
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.gelu(input, { approximate: this.approximate });
  }
  override extra_repr(): string {
    return `approximate='${this.approximate}'`;
  }
}

type DimArg = number | null | { dim?: number | null };

/** What Softmax and LogSoftmax share: the dimension they normalise along. */
abstract class AlongDim extends Module {
  declare readonly dim: number | null;
  constructor(dim: DimArg = null) {
    super();
    const o = positional<{ dim?: number | null }, "dim">(dim, "dim");
    checkConstructorOptions(new.target.name, o);
    this.dim = o.dim ?? null;
  }
  override extra_repr(): string {
    return `dim=${this.dim ?? "None"}`;
  }
}

export interface Softmax { (input: Tensor): Tensor }
/** `torch.nn.Softmax` along `dim`: non-negative values summing to 1. @example `new nn.Softmax({ dim: 1 })` */
export class Softmax extends AlongDim {
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.softmax(input, this.dim);
  }
}

export interface LogSoftmax { (input: Tensor): Tensor }
/** `torch.nn.LogSoftmax` along `dim`. @example `new nn.LogSoftmax(1)` */
export class LogSoftmax extends AlongDim {
  override forward(input: Tensor): Tensor {
    checkTensor(`nn.${this.constructor.name}`, "input", input);
    return F.log_softmax(input, this.dim);
  }
}
