import { cat, empty, stack, zeros, type DType, type DeviceLike, type Tensor } from "@flambeau/tensor";
import { checkOptions } from "@flambeau/tensor/internal";
import { Module } from "../module.js";
import { Parameter } from "../parameter.js";
import { linear } from "../functional/linear.js";
import { dropout as dropoutFn } from "../functional/dropout.js";
import { uniform_ } from "../init.js";
import { pyBool, pyFloat } from "../repr.js";
import { factoryOptions, isOptions } from "../options.js";

/** Keyword arguments of {@link RNN}, {@link LSTM} and {@link GRU}, as PyTorch's. */
export interface RNNBaseOptions {
  /** Stacked layers, each reading the previous one's output (default 1). */
  num_layers?: number;
  /** Whether the layers have `bias_ih` and `bias_hh` (default true). */
  bias?: boolean;
  /** Inputs and outputs are `[batch, seq, feature]` instead of `[seq, batch, feature]` (default false). */
  batch_first?: boolean;
  /** Dropout on the outputs of every layer but the last, while training (default 0). */
  dropout?: number;
  /** Run a second direction from the end of the sequence and concatenate (default false). */
  bidirectional?: boolean;
  device?: DeviceLike;
  dtype?: DType;
}

/** Keyword arguments of {@link RNN}: also the nonlinearity. */
export interface RNNOptions extends RNNBaseOptions {
  nonlinearity?: "tanh" | "relu";
}

/** Keyword arguments of {@link LSTM}: `proj_size` must be 0 (projections are not supported yet). */
export interface LSTMOptions extends RNNBaseOptions {
  proj_size?: number;
}

type Mode = "RNN_TANH" | "RNN_RELU" | "LSTM" | "GRU";
const BASE_KEYS = ["num_layers", "bias", "batch_first", "dropout", "bidirectional", "device", "dtype"];
const GATES: Record<Mode, number> = { RNN_TANH: 1, RNN_RELU: 1, LSTM: 4, GRU: 3 };

/** One layer-direction's parameters, in PyTorch's order. */
interface Cell {
  w_ih: Tensor;
  w_hh: Tensor;
  b_ih: Tensor | null;
  b_hh: Tensor | null;
}

/** The state a cell carries from step to step: `h`, and `c` for an LSTM. */
interface State {
  h: Tensor;
  c: Tensor | null;
}

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share (`torch.nn.RNNBase`): the parameters
 * `weight_ih_l{k}`, `weight_hh_l{k}`, `bias_ih_l{k}`, `bias_hh_l{k}` (and `_reverse` for the
 * second direction), registered and initialised (U(-1/√hidden, 1/√hidden), in order) as in
 * PyTorch, so a seed gives PyTorch's weights and state_dicts load both ways.
 */
export abstract class RNNBase extends Module {
  declare readonly mode: Mode;
  declare readonly input_size: number;
  declare readonly hidden_size: number;
  declare readonly num_layers: number;
  declare readonly bias: boolean;
  declare readonly batch_first: boolean;
  declare readonly dropout: number;
  declare readonly bidirectional: boolean;
  declare readonly proj_size: number;

  constructor(mode: Mode, input_size: number, hidden_size: number, o: LSTMOptions) {
    super();
    const name = mode.startsWith("RNN") ? "RNN" : mode;
    checkOptions(name, o, [...BASE_KEYS, ...(mode === "LSTM" ? ["proj_size"] : mode === "GRU" ? [] : ["nonlinearity"])]);
    const positive = (v: number, what: string) => {
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${name}: ${what} must be an integer greater than zero, got ${v}`);
    };
    positive(hidden_size, "hidden_size");
    positive(input_size, "input_size");
    positive(o.num_layers ?? 1, "num_layers");
    const p = o.dropout ?? 0;
    if (!(p >= 0 && p <= 1)) throw new Error(`${name}: dropout should be a number in range [0, 1] representing the probability of an element being zeroed, got ${p}`);
    if (p > 0 && (o.num_layers ?? 1) === 1)
      console.warn(
        `dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=${p} and num_layers=1`,
      );
    if ((o.proj_size ?? 0) !== 0) throw new Error(`${name}: proj_size is not supported yet (got ${o.proj_size}); use proj_size=0`);
    Object.assign(this, {
      mode, input_size, hidden_size, num_layers: o.num_layers ?? 1, bias: o.bias ?? true, batch_first: o.batch_first ?? false,
      dropout: p, bidirectional: o.bidirectional ?? false, proj_size: 0,
    });
    const factory = factoryOptions(o);
    const gates = GATES[mode] * hidden_size;
    const directions = this.bidirectional ? 2 : 1;
    for (let layer = 0; layer < this.num_layers; layer++) {
      for (let dir = 0; dir < directions; dir++) {
        const suffix = `_l${layer}${dir === 1 ? "_reverse" : ""}`;
        const inputs = layer === 0 ? input_size : hidden_size * directions;
        this.register_parameter(`weight_ih${suffix}`, new Parameter(empty([gates, inputs], factory)));
        this.register_parameter(`weight_hh${suffix}`, new Parameter(empty([gates, hidden_size], factory)));
        if (this.bias) {
          this.register_parameter(`bias_ih${suffix}`, new Parameter(empty([gates], factory)));
          this.register_parameter(`bias_hh${suffix}`, new Parameter(empty([gates], factory)));
        }
      }
    }
    this.reset_parameters();
  }

  /** PyTorch's initialisation: every parameter, in order, from U(-1/√hidden_size, 1/√hidden_size). */
  reset_parameters(): void {
    const stdv = 1 / Math.sqrt(this.hidden_size);
    for (const p of this.parameters()) uniform_(p, -stdv, stdv);
  }

  /** Kept for PyTorch compatibility (cuDNN's weight layout); a no-op here. */
  flatten_parameters(): void {}

  private cell(layer: number, dir: number): Cell {
    const suffix = `_l${layer}${dir === 1 ? "_reverse" : ""}`;
    const get = (n: string) => (this as unknown as Record<string, Tensor | null>)[n + suffix] ?? null;
    return { w_ih: get("weight_ih")!, w_hh: get("weight_hh")!, b_ih: get("bias_ih"), b_hh: get("bias_hh") };
  }

  /** One time step: `xp` is the input already projected by `weight_ih` (and `bias_ih`). */
  private step(cell: Cell, xp: Tensor, s: State): State {
    const hp = linear(s.h, cell.w_hh, cell.b_hh);
    switch (this.mode) {
      case "RNN_TANH":
        return { h: xp.add(hp).tanh(), c: null };
      case "RNN_RELU":
        return { h: xp.add(hp).relu(), c: null };
      case "LSTM": {
        const [i, f, g, o] = xp.add(hp).chunk(4, 1) as [Tensor, Tensor, Tensor, Tensor];
        const c = f.sigmoid().mul(s.c!).add(i.sigmoid().mul(g.tanh()));
        return { h: o.sigmoid().mul(c.tanh()), c };
      }
      case "GRU": {
        const [ri, zi, ni] = xp.chunk(3, 1) as [Tensor, Tensor, Tensor];
        const [rh, zh, nh] = hp.chunk(3, 1) as [Tensor, Tensor, Tensor];
        const r = ri.add(rh).sigmoid(), z = zi.add(zh).sigmoid();
        const n = ni.add(r.mul(nh)).tanh();
        // (1 - z) * n + z * h
        return { h: n.add(z.mul(s.h.sub(n))), c: null };
      }
    }
  }

  private checkHidden(t: Tensor, expected: number[], what: string): void {
    if (t.ndim !== expected.length || t.shape.some((s, i) => s !== expected[i]))
      throw new Error(`${this._get_name()}: Expected ${what} size (${expected.join(", ")}), got [${t.shape.join(", ")}]`);
  }

  /** @internal The shared forward: the output sequence and the final states per layer and direction. */
  protected run(input: Tensor, hx: Tensor | null, cx: Tensor | null): [Tensor, Tensor, Tensor | null] {
    const name = this._get_name();
    if (input.ndim !== 2 && input.ndim !== 3) throw new Error(`${name}: Expected input to be 2D or 3D, got ${input.ndim}D instead (shape [${input.shape.join(", ")}])`);
    const batched = input.ndim === 3;
    let x = batched ? (this.batch_first ? input.transpose(0, 1) : input) : input.unsqueeze(1);
    const [steps, batch, features] = x.shape as [number, number, number];
    if (features !== this.input_size) throw new Error(`${name}: input.size(-1) must be equal to input_size. Expected ${this.input_size}, got ${features}`);
    const directions = this.bidirectional ? 2 : 1;
    const stateShape = [this.num_layers * directions, ...(batched ? [batch] : []), this.hidden_size];
    const initial = (given: Tensor | null, what: string): Tensor => {
      if (given === null) return zeros([this.num_layers * directions, batch, this.hidden_size], { dtype: input.dtype, device: input.device });
      this.checkHidden(given, stateShape, what);
      return batched ? given : given.unsqueeze(1);
    };
    const h0 = initial(hx, this.mode === "LSTM" ? "hidden[0]" : "hidden");
    const c0 = this.mode === "LSTM" ? initial(cx, "hidden[1]") : null;
    const hs: Tensor[] = [], cs: Tensor[] = [];
    for (let layer = 0; layer < this.num_layers; layer++) {
      const outputs: Tensor[] = [];
      for (let dir = 0; dir < directions; dir++) {
        const cell = this.cell(layer, dir);
        const k = layer * directions + dir;
        let s: State = { h: h0.select(0, k), c: c0 ? c0.select(0, k) : null };
        // The input projection of every step at once; only the recurrence is sequential.
        const xp = linear(x, cell.w_ih, cell.b_ih);
        const out = new Array<Tensor>(steps);
        for (let i = 0; i < steps; i++) {
          const t = dir === 0 ? i : steps - 1 - i;
          s = this.step(cell, xp.select(0, t), s);
          out[t] = s.h;
        }
        hs.push(s.h);
        if (s.c) cs.push(s.c);
        outputs.push(steps > 0 ? stack(out, 0) : zeros([0, batch, this.hidden_size], { dtype: input.dtype, device: input.device }));
      }
      x = directions === 2 ? cat(outputs, 2) : outputs[0]!;
      if (this.dropout > 0 && this.training && layer < this.num_layers - 1) x = dropoutFn(x, this.dropout, true);
    }
    const output = batched ? (this.batch_first ? x.transpose(0, 1) : x) : x.squeeze(1);
    const unbatch = (t: Tensor) => (batched ? t : t.squeeze(1));
    return [output, unbatch(stack(hs, 0)), c0 ? unbatch(stack(cs, 0)) : null];
  }

  override extra_repr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.num_layers !== 1) s += `, num_layers=${this.num_layers}`;
    if (!this.bias) s += `, bias=${pyBool(this.bias)}`;
    if (this.batch_first) s += `, batch_first=${pyBool(this.batch_first)}`;
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional) s += `, bidirectional=${pyBool(this.bidirectional)}`;
    return s;
  }
}

/** `num_layers` by position or any keyword in a trailing options object, as PyTorch's constructors take them. */
function rnnOptions<O extends RNNBaseOptions>(num_layers: number | O | undefined, options: O): O {
  if (isOptions(num_layers)) return { ...(num_layers as O), ...options };
  return num_layers === undefined ? { ...options } : { ...options, num_layers };
}

export interface RNN {
  (input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
}

/**
 * An Elman RNN (`torch.nn.RNN`): `h_t = tanh(x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh)` (or
 * relu), over a sequence. Returns `[output, h_n]`: every step's `h` of the last layer, and each
 * layer's (and direction's) last `h`.
 *
 * @example
 * ```ts
 * const rnn = new nn.RNN(10, 20, 2);
 * const [output, h_n] = rnn(torch.randn([5, 3, 10])); // output [5, 3, 20], h_n [2, 3, 20]
 * ```
 */
export class RNN extends RNNBase {
  declare readonly nonlinearity: "tanh" | "relu";
  constructor(input_size: number, hidden_size: number, num_layers?: number | RNNOptions, options: RNNOptions = {}) {
    const o = rnnOptions(num_layers, options);
    const nonlinearity = o.nonlinearity ?? "tanh";
    if (nonlinearity !== "tanh" && nonlinearity !== "relu") throw new Error(`Unknown nonlinearity '${String(nonlinearity)}'. Select from 'tanh' or 'relu'.`);
    super(nonlinearity === "tanh" ? "RNN_TANH" : "RNN_RELU", input_size, hidden_size, o);
    Object.assign(this, { nonlinearity });
  }

  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    const [output, h] = this.run(input, hx, null);
    return [output, h];
  }
}

export interface LSTM {
  (input: Tensor, hx?: readonly [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]];
}

/**
 * A long short-term memory RNN (`torch.nn.LSTM`), with PyTorch's gates (input, forget, cell,
 * output, in that order in `weight_ih_l{k}`), parameter names and initialisation. Input is
 * `[seq, batch, input_size]` (`[batch, seq, …]` with `batch_first`, or `[seq, input_size]`
 * unbatched); returns `[output, [h_n, c_n]]`.
 *
 * @example
 * ```ts
 * const lstm = new nn.LSTM(10, 20, { num_layers: 2, batch_first: true });
 * const [output, [h_n, c_n]] = lstm(torch.randn([3, 5, 10])); // output [3, 5, 20]
 * const [next, state] = lstm(x2, [h_n, c_n]); // carry the state on
 * ```
 */
export class LSTM extends RNNBase {
  constructor(input_size: number, hidden_size: number, num_layers?: number | LSTMOptions, options: LSTMOptions = {}) {
    super("LSTM", input_size, hidden_size, rnnOptions(num_layers, options));
  }

  override forward(input: Tensor, hx: readonly [Tensor, Tensor] | null = null): [Tensor, [Tensor, Tensor]] {
    if (hx !== null && (!Array.isArray(hx) || hx.length !== 2))
      throw new Error("LSTM: hx must be a pair [h_0, c_0] of tensors (PyTorch's tuple)");
    const [output, h, c] = this.run(input, hx ? hx[0] : null, hx ? hx[1] : null);
    return [output, [h, c!]];
  }
}

export interface GRU {
  (input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
}

/**
 * A gated recurrent unit RNN (`torch.nn.GRU`), with PyTorch's gates (reset, update, new, in
 * that order), parameter names and initialisation. Returns `[output, h_n]`.
 *
 * @example
 * ```ts
 * const gru = new nn.GRU(10, 20, { batch_first: true, bidirectional: true });
 * const [output, h_n] = gru(torch.randn([3, 5, 10])); // output [3, 5, 40], h_n [2, 3, 20]
 * ```
 */
export class GRU extends RNNBase {
  constructor(input_size: number, hidden_size: number, num_layers?: number | RNNBaseOptions, options: RNNBaseOptions = {}) {
    super("GRU", input_size, hidden_size, rnnOptions(num_layers, options));
  }

  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    const [output, h] = this.run(input, hx, null);
    return [output, h];
  }
}
