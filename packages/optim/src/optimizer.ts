import { Tensor, keep } from "@flambeau/tensor";
import { describeValue, legacyTypeName, readingGradsInternally, scoped } from "@flambeau/tensor/internal";
import { enable_grad, no_grad } from "@flambeau/autograd";
import { pyRepr, pyTypeName } from "./format.js";
import { warnOnce } from "./warn.js";
import { checkStep } from "./step-checks.js";
import { packGroups, unpackState, type OptimizerStateDict } from "./state-dict.js";

/**
 * A group of parameters and the options it is optimized with, as in PyTorch's
 * `optimizer.param_groups`. Schedulers read and write `lr` (and add keys such as `initial_lr`).
 */
export interface ParamGroup {
  /** The tensors this group updates. */
  params: Tensor[];
  /** The learning rate. */
  lr: number;
  /** Options of the optimizer, and keys added by schedulers or users. */
  [option: string]: unknown;
}

/** A parameter group as passed to an optimizer: its tensors and any options that override the defaults. */
export type ParamGroupInput<O = object> = { params: Tensor | Iterable<Tensor>; [option: string]: unknown } & Partial<O>;

/** What an optimizer takes: tensors (e.g. `model.parameters()`), or parameter groups. */
export type Params<O = object> = Iterable<Tensor> | Iterable<ParamGroupInput<O>>;

/** A value for a default that every group must then give itself (PyTorch's `torch.optim.optimizer.required`). */
export const required: unique symbol = Symbol("required");

/**
 * The base class of every optimizer (`torch.optim.Optimizer`): parameter groups with per-group
 * options, per-parameter `state`, `zero_grad`, `step` and `state_dict` / `load_state_dict`.
 *
 * A subclass implements `_step_group(group)`, which runs under `no_grad` for each group (or
 * overrides `step` altogether, as a PyTorch subclass would).
 *
 * @example
 * ```ts
 * const opt = new torch.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   opt.zero_grad();
 *   loss_fn(model(x), y).backward();
 *   opt.step();
 * }
 * ```
 */
export class Optimizer<O extends object = { lr: number }, S extends object = Record<string, unknown>> {
  /** Options a group gets when it does not set them. */
  defaults: O;
  /** The parameter groups, each with its tensors and options. */
  param_groups: (ParamGroup & O)[] = [];
  /** Per-parameter state (momentum buffers, moment estimates, step counts), keyed by the tensor. */
  state = new Map<Tensor, S>();
  /** Calls of `step()` since a scheduler was attached (kept by the scheduler, as in PyTorch). */
  _step_count = 0;

  constructor(params: Params<O>, defaults: O) {
    this.defaults = defaults;
    if (params instanceof Tensor)
      throw new TypeError(
        `params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${legacyTypeName(params.dtype)}`,
      );
    const list = Array.from(params as Iterable<unknown>);
    if (list.length === 0) throw new Error("optimizer got an empty parameter list");
    const groups = isGroup(list[0]) ? (list as ParamGroupInput<O>[]) : [{ params: list as Tensor[] }];
    for (const group of groups) this.add_param_group(group as ParamGroupInput<O>);
  }

  /**
   * Add a group of parameters with its own options (those it leaves out come from `defaults`),
   * e.g. to train layers that were frozen.
   *
   * @example
   * ```ts
   * opt.add_param_group({ params: head.parameters(), lr: 1e-3 });
   * ```
   */
  add_param_group(param_group: ParamGroupInput<O>): void {
    if (typeof param_group !== "object" || param_group === null || !("params" in param_group))
      throw new TypeError("param group must be a dict");
    const input = param_group.params;
    if (input instanceof Set)
      throw new TypeError(
        "optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.",
      );
    const params = input instanceof Tensor ? [input] : Array.from(input as Iterable<unknown>);
    for (const p of params) {
      if (!(p instanceof Tensor)) throw new TypeError(`optimizer can only optimize Tensors, but one of the params is ${pyTypeName(p)}`);
      if (!(p.is_leaf || p.retains_grad)) throw new Error("can't optimize a non-leaf Tensor");
    }
    // The caller's object is copied, not filled in: the optimizer owns its groups.
    const group: Record<string, unknown> = { ...param_group, params };
    for (const [name, value] of Object.entries(this.defaults)) {
      if (group[name] !== undefined) continue;
      if (value === required)
        throw new Error(`parameter group didn't specify a value of required optimization parameter ${name}`);
      group[name] = Array.isArray(value) ? value.slice() : value;
    }
    if (new Set(params).size !== params.length)
      warnOnce(
        "optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information",
      );
    const taken = new Set(this.param_groups.flatMap((g) => g.params));
    if (params.some((p) => taken.has(p as Tensor))) throw new Error("some parameters appear in more than one parameter group");
    this.param_groups.push(group as ParamGroup & O);
  }

  /**
   * Clear the gradients of every parameter: set them to `null` (the default, as in PyTorch 2),
   * or, with `set_to_none: false`, fill them with zeros. A parameter whose gradient is `null`
   * is skipped by `step()`, whereas a zero gradient still moves it (momentum, weight decay).
   */
  zero_grad(options: boolean | { set_to_none?: boolean } = {}): void {
    const set_to_none = typeof options === "boolean" ? options : (options.set_to_none ?? true);
    // Gradients user code never read are freed as they are cleared (Tensor.grad).
    readingGradsInternally(() => this._zero_grad(set_to_none));
  }

  private _zero_grad(set_to_none: boolean): void {
    for (const group of this.param_groups)
      for (const p of group.params) {
        const g = p.grad;
        if (g === null) continue;
        if (set_to_none) {
          p.grad = null;
          continue;
        }
        if (g.grad_fn !== null) g.detach_();
        else g.requires_grad_(false);
        g.zero_();
      }
  }

  /**
   * Update the parameters from their `.grad`. Given a `closure` that recomputes the loss
   * (zeroing the gradients and calling `backward()` itself), runs it first with gradients
   * enabled and returns its value. The closure must be synchronous.
   *
   * @example
   * ```ts
   * const loss = opt.step(() => {
   *   opt.zero_grad();
   *   const l = loss_fn(model(x), y);
   *   l.backward();
   *   return l;
   * });
   * ```
   */
  step(): undefined;
  step<L>(closure: () => L): L;
  step<L>(closure?: () => L): L | undefined {
    // PyTorch: "'int' object is not callable"; named here rather than by enable_grad.
    if (closure !== undefined && closure !== null && typeof closure !== "function")
      throw new TypeError(`${this.constructor.name}.step(): closure must be a function that recomputes the loss, not ${describeValue(closure)}`);
    const loss = closure ? enable_grad(closure) : undefined;
    // Gradients are read here (checks, updates) without handing them to user code (Tensor.grad),
    // and the step's temporaries are freed when it ends; its state is kept (scope.ts).
    readingGradsInternally(() => checkStep(this.constructor.name, this.param_groups, this.defaults));
    scoped(
      () => readingGradsInternally(() => no_grad(() => {
        for (const group of this.param_groups) this._step_group(group);
      })),
      () => this._keepState(),
    );
    return loss;
  }

  /** Exempt every state tensor from memory scopes: the optimizer holds it across steps. */
  private _keepState(): void {
    for (const s of this.state.values())
      for (const v of Object.values(s as object)) if (v instanceof Tensor) keep(v);
  }

  /** Update one group's parameters; called by `step()` under `no_grad`. */
  protected _step_group(_group: ParamGroup & O): void {
    throw new Error(`${this.constructor.name}.step() is not implemented: override step() or _step_group()`);
  }

  /** The state of parameter `p`, created empty on first use (PyTorch's `defaultdict`). */
  protected _state_of(p: Tensor): Partial<S> {
    let s = this.state.get(p);
    if (s === undefined) this.state.set(p, (s = {} as S));
    return s;
  }

  /**
   * The optimizer's state as PyTorch lays it out: `state` keyed by parameter index (in the
   * order of `param_groups`) and `param_groups` with `params` as those indices. State tensors
   * are the live ones, as in PyTorch; `load_state_dict` copies them.
   *
   * @example
   * ```ts
   * const saved = opt.state_dict();
   * const resumed = new torch.optim.Adam(model.parameters());
   * resumed.load_state_dict(saved);
   * ```
   */
  state_dict(): OptimizerStateDict {
    return packGroups(this.param_groups, this.state);
  }

  /**
   * Restore a state from `state_dict()`: group options (learning rates included) and per-parameter
   * state, copied onto this optimizer's parameters by position. Checks everything before changing
   * anything, so a failed load leaves the optimizer as it was.
   */
  load_state_dict(state_dict: OptimizerStateDict): void {
    const saved = state_dict?.param_groups;
    if (!Array.isArray(saved) || typeof state_dict.state !== "object" || state_dict.state === null)
      throw new Error("load_state_dict: expected an object with 'state' and 'param_groups', as state_dict() returns");
    const groups = this.param_groups;
    if (groups.length !== saved.length) throw new Error("loaded state dict has a different number of parameter groups");
    if (groups.some((g, i) => g.params.length !== saved[i]!.params.length))
      throw new Error("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    const state = unpackState(state_dict.state, groups, saved) as Map<Tensor, S>;
    this.state = state;
    // Groups are updated in place (PyTorch swaps in the saved dicts) so references to them stay live.
    groups.forEach((group: Record<string, unknown>, i) => {
      const params = group.params;
      for (const key of Object.keys(group)) delete group[key];
      for (const [key, value] of Object.entries(saved[i]!)) group[key] = Array.isArray(value) ? value.slice() : value;
      group.params = params;
    });
  }

  /** PyTorch's printed form: the class name and each group's options. */
  toString(): string {
    let out = `${this.constructor.name} (`;
    this.param_groups.forEach((group, i) => {
      out += `\nParameter Group ${i}\n`;
      for (const key of Object.keys(group).sort()) if (key !== "params") out += `    ${key}: ${pyRepr(group[key])}\n`;
    });
    return out + ")";
  }
}

function isGroup(x: unknown): boolean {
  return typeof x === "object" && x !== null && !(x instanceof Tensor) && "params" in x;
}
