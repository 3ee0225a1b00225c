import { Tensor, keep as keepMemory, type DType, type DeviceLike, type Device } from "@flambeau/tensor";
import { isDType, readingGradsInternally } from "@flambeau/tensor/internal";
import { no_grad } from "@flambeau/autograd";
import { IS_MODULE, createModuleObject, typeName } from "./module-proxy.js";
import { Parameter, setData } from "./parameter.js";
import { formatModule } from "./repr.js";
import { collectState, loadState, type IncompatibleKeys, type StateDict, type StateDictLike } from "./state-dict.js";

/**
 * Calling a module runs its `forward` (PyTorch's `__call__`). Layers declare precise call
 * signatures of their own; a user's subclass is callable with whatever its `forward` takes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- forward's arguments are the subclass's to choose
export interface Module { (...args: any[]): any }

/**
 * Base class of every layer and model (`torch.nn.Module`). Assigning a {@link Parameter}, a
 * module or (after `register_buffer`) a tensor to a field registers it, as PyTorch's
 * `__setattr__` does, and a module is callable: `model(x)` runs `forward(x)`.
 *
 * @example
 * ```ts
 * class LinearRegressionModel extends nn.Module {
 *   linear: nn.Linear;
 *   constructor(input_dim: number, output_dim: number) {
 *     super();
 *     this.linear = new nn.Linear(input_dim, output_dim);
 *   }
 *   forward(x: Tensor) {
 *     return this.linear(x);
 *   }
 * }
 * const model = new LinearRegressionModel(1, 1);
 * model(torch.ones([4, 1])); // shape [4, 1]
 * model.parameters();        // [linear.weight, linear.bias]
 * ```
 */
export class Module {
  /** Whether the module is in training mode (`train()`) or evaluation mode (`eval()`). */
  declare training: boolean;
  declare readonly _parameters: Map<string, Parameter | null>;
  declare readonly _buffers: Map<string, Tensor | null>;
  declare readonly _non_persistent_buffers_set: Set<string>;
  declare readonly _modules: Map<string, Module | null>;

  constructor() {
    // Returning an object from a constructor makes it `this` for the subclass constructors
    // and class fields too, so every assignment goes through the Proxy's traps.
    return createModuleObject<Module>(new.target.prototype);
  }

  /** The computation of the module; subclasses override it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  forward(..._args: any[]): any {
    throw new Error(`Module [${this._get_name()}] is missing the required "forward" function`);
  }

  // ---- registration -----------------------------------------------------------------------

  /**
   * Register a tensor that is state but not a parameter (e.g. BatchNorm's `running_mean`).
   * Persistent buffers are part of `state_dict()`.
   */
  register_buffer(name: string, tensor: Tensor | null, persistent: boolean | { persistent?: boolean } = true): void {
    checkName(this, "buffer", name, this._buffers);
    if (tensor !== null && !(tensor instanceof Tensor))
      throw new TypeError(`cannot assign '${typeName(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    const keep = typeof persistent === "boolean" ? persistent : persistent.persistent ?? true;
    this._buffers.set(name, tensor);
    if (tensor !== null) keepMemory(tensor); // outlives any memory scope it was made in
    if (keep) this._non_persistent_buffers_set.delete(name);
    else this._non_persistent_buffers_set.add(name);
    define(this, name, tensor);
  }

  /** Register a parameter under `name` (what assigning a {@link Parameter} to a field does). */
  register_parameter(name: string, param: Parameter | null): void {
    checkName(this, "parameter", name, this._parameters);
    if (param !== null && !(param instanceof Parameter))
      throw new TypeError(`cannot assign '${typeName(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
    if (param?.grad_fn)
      throw new Error(
        `Cannot assign non-leaf Tensor to parameter '${name}'. Model parameters must be created explicitly. To express '${name}' as a function of another Tensor, compute the value in the forward() method.`,
      );
    this._parameters.set(name, param);
    define(this, name, param);
  }

  /** Register a child module under `name` (what assigning a module to a field does). */
  add_module(name: string, module: Module | null): void {
    if (module !== null && !(module instanceof Module)) throw new TypeError(`${typeName(module)} is not a Module subclass`);
    checkName(this, "module", name, this._modules);
    this._modules.set(name, module);
    define(this, name, module);
  }

  /** Alias of {@link add_module}. */
  register_module(name: string, module: Module | null): void {
    this.add_module(name, module);
  }

  /** The submodule at a dotted path, e.g. `"blocks.0.1"`. */
  get_submodule(target: string): Module {
    if (target === "") return this;
    let mod: Module = this;
    for (const item of target.split(".")) {
      const next = mod._modules.get(item);
      if (!next) throw new Error(`${mod._get_name()} has no attribute \`${item}\``);
      mod = next;
    }
    return mod;
  }

  // ---- traversal --------------------------------------------------------------------------

  /**
   * Every module in the tree with its dotted name, this one first (named `prefix`), each once
   * unless `remove_duplicate` is false.
   */
  named_modules(memo: Set<Module> | null = null, prefix = "", remove_duplicate = true): [string, Module][] {
    const seen = memo ?? new Set<Module>();
    const out: [string, Module][] = [];
    const walk = (m: Module, p: string): void => {
      if (seen.has(m)) return;
      if (remove_duplicate) seen.add(m);
      out.push([p, m]);
      for (const [name, child] of m._modules) if (child) walk(child, p ? `${p}.${name}` : name);
    };
    walk(this, prefix);
    return out;
  }

  /** Every module in the tree, this one first. */
  modules(): Module[] {
    return this.named_modules().map(([, m]) => m);
  }

  /** The direct children with their names. */
  named_children(): [string, Module][] {
    const seen = new Set<Module>();
    const out: [string, Module][] = [];
    for (const [name, m] of this._modules)
      if (m && !seen.has(m)) {
        seen.add(m);
        out.push([name, m]);
      }
    return out;
  }

  /** The direct children. */
  children(): Module[] {
    return this.named_children().map(([, m]) => m);
  }

  /**
   * The parameters with their dotted names (`linear.weight`), in registration order.
   *
   * @example
   * ```ts
   * for (const [name, p] of model.named_parameters()) console.log(name, p.shape);
   * ```
   */
  named_parameters(prefix = "", recurse = true, remove_duplicate = true): [string, Parameter][] {
    return this.namedMembers((m) => m._parameters, prefix, recurse, remove_duplicate);
  }

  /** The parameters, e.g. for an optimizer: `new optim.SGD(model.parameters(), { lr: 0.01 })`. */
  parameters(recurse = true): Parameter[] {
    return this.named_parameters("", recurse).map(([, p]) => p);
  }

  /** The buffers (persistent or not) with their dotted names. */
  named_buffers(prefix = "", recurse = true, remove_duplicate = true): [string, Tensor][] {
    return this.namedMembers((m) => m._buffers, prefix, recurse, remove_duplicate);
  }

  /** The buffers (persistent or not). */
  buffers(recurse = true): Tensor[] {
    return this.named_buffers("", recurse).map(([, b]) => b);
  }

  private namedMembers<T extends Tensor>(
    members: (m: Module) => Map<string, T | null>,
    prefix: string,
    recurse: boolean,
    removeDuplicate: boolean,
  ): [string, T][] {
    const modules: [string, Module][] = recurse ? this.named_modules(null, prefix, removeDuplicate) : [[prefix, this]];
    const seen = new Set<Tensor>();
    const out: [string, T][] = [];
    for (const [modPrefix, m] of modules)
      for (const [name, t] of members(m)) {
        if (!t || seen.has(t)) continue;
        if (removeDuplicate) seen.add(t);
        out.push([modPrefix ? `${modPrefix}.${name}` : name, t]);
      }
    return out;
  }

  // ---- modes and gradients ------------------------------------------------------------------

  /** Set training mode (`mode = true`) or evaluation mode on this module and its children. */
  train(mode = true): this {
    if (typeof mode !== "boolean") throw new Error("training mode is expected to be boolean");
    this.training = mode;
    for (const child of this.children()) child.train(mode);
    return this;
  }

  /** Evaluation mode: Dropout passes inputs through, BatchNorm uses its running statistics. */
  eval(): this {
    return this.train(false);
  }

  /** Set `requires_grad` on every parameter (freezing with `false`). */
  requires_grad_(requires_grad = true): this {
    for (const p of this.parameters()) p.requires_grad_(requires_grad);
    return this;
  }

  /**
   * Reset the gradients of all parameters: to null by default (PyTorch 2's `set_to_none=True`),
   * or to zeros.
   */
  zero_grad(set_to_none = true): void {
    // Gradients user code never read are freed as they are cleared (Tensor.grad).
    readingGradsInternally(() => this._zero_grad(set_to_none));
  }

  private _zero_grad(set_to_none: boolean): void {
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (set_to_none) {
        p.grad = null;
        continue;
      }
      if (p.grad.grad_fn) p.grad.detach_();
      else p.grad.requires_grad_(false);
      p.grad.zero_();
    }
  }

  // ---- devices and dtypes -------------------------------------------------------------------

  /**
   * Move parameters and buffers to a device and/or cast floating ones to a dtype, in place:
   * parameters stay the same objects, as in PyTorch.
   *
   * @example
   * ```ts
   * model.to("webgpu");
   * model.to("float64");
   * ```
   */
  to(deviceOrDtype: DeviceLike | DType | Tensor, dtype?: DType): this {
    let device: Device | DeviceLike | null = null;
    let target: DType | null = dtype ?? null;
    if (deviceOrDtype instanceof Tensor) [device, target] = [deviceOrDtype.device, deviceOrDtype.dtype];
    else if (typeof deviceOrDtype === "string" && isDType(deviceOrDtype)) target = deviceOrDtype;
    else device = deviceOrDtype;
    if (target !== null && target !== "float32" && target !== "float64")
      throw new Error(`nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.${target}`);
    return this._apply((t) => {
      const moved = device === null ? t : t.to(device);
      return target !== null && (t.dtype === "float32" || t.dtype === "float64") ? moved.to(target) : moved;
    });
  }

  /**
   * `to(device)` for every device, including moves off devices that read asynchronously
   * (a GPU to the CPU). Parameters stay the same objects.
   *
   * @example
   * ```ts
   * await model.toAsync("cpu");
   * ```
   */
  async toAsync(device: DeviceLike): Promise<this> {
    const moved = new Map<Tensor, Tensor>();
    for (const m of this.modules()) {
      const tensors = [...m._parameters.values(), ...m._buffers.values()];
      for (const p of m._parameters.values()) if (p?.grad) tensors.push(p.grad);
      for (const t of tensors) if (t && !moved.has(t)) moved.set(t, await t.toAsync(device));
    }
    return this._apply((t) => moved.get(t) ?? t.to(device));
  }

  /** Move everything to the CPU. */
  cpu(): this {
    return this.to("cpu");
  }
  /** Cast floating parameters and buffers to float32. */
  float(): this {
    return this.to("float32");
  }
  /** Cast floating parameters and buffers to float64. */
  double(): this {
    return this.to("float64");
  }

  /** Replace every parameter's data, gradient and buffer by `fn` of it (PyTorch's `_apply`). */
  protected _apply(fn: (t: Tensor) => Tensor): this {
    for (const child of this.children()) child._apply(fn);
    no_grad(() => {
      for (const p of this._parameters.values()) {
        if (!p) continue;
        const data = fn(p);
        if (data !== p) setData(p, data);
        if (p.grad) {
          const grad = fn(p.grad);
          if (grad !== p.grad) setData(p.grad, grad);
        }
      }
      for (const [name, b] of this._buffers) if (b) (this as unknown as Record<string, Tensor>)[name] = fn(b);
    });
    return this;
  }

  /**
   * Call `fn` on every submodule (children first) and on this module, e.g. to initialise weights.
   *
   * @example
   * ```ts
   * model.apply((m) => { if (m instanceof nn.Linear) nn.init.zeros_(m.bias!); });
   * ```
   */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  // ---- state --------------------------------------------------------------------------------

  /**
   * Parameters and persistent buffers by dotted name, as PyTorch names them (`linear.weight`,
   * `1.running_mean`). Values share memory with the module but are detached from the graph.
   *
   * @example
   * ```ts
   * await torch.save(model.state_dict(), "model.safetensors");
   * ```
   */
  state_dict(options: { prefix?: string; keep_vars?: boolean } = {}): StateDict {
    return collectState(this, options.prefix ?? "", options.keep_vars ?? false, {});
  }

  /**
   * Copy a state dict into this module's parameters and buffers. With `strict` (the default)
   * every key must match; shapes must always match. Errors read as PyTorch's, and on any error
   * nothing is changed.
   *
   * @example
   * ```ts
   * model.load_state_dict(await torch.load("model.safetensors"));
   * ```
   */
  load_state_dict(state_dict: StateDictLike, strict: boolean | { strict?: boolean } = true): IncompatibleKeys {
    return loadState(this, state_dict, typeof strict === "boolean" ? strict : strict.strict ?? true);
  }

  /**
   * Add defaults for entries old checkpoints lack, before `load_state_dict` reads `state`
   * (PyTorch does this in `_load_from_state_dict`). `state` is the loader's own copy.
   * @internal
   */
  _load_state_defaults(_state: Map<string, unknown>, _prefix: string): void {}

  // ---- printing -----------------------------------------------------------------------------

  /** The class name, as printed. */
  _get_name(): string {
    return this.constructor.name;
  }

  /** The text inside the parentheses of this module's printed form (e.g. `in_features=1, …`). */
  extra_repr(): string {
    return "";
  }

  /**
   * PyTorch's `print(model)` text.
   *
   * @example
   * ```ts
   * String(new LinearRegressionModel(1, 1));
   * // LinearRegressionModel(
   * //   (linear): Linear(in_features=1, out_features=1, bias=True)
   * // )
   * ```
   */
  toString(): string {
    return formatModule(this._get_name(), this.extra_repr(), this._modules);
  }

  /** Node's `console.log(model)` prints what PyTorch's `print(model)` does. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

Object.defineProperty(Module.prototype, IS_MODULE, { value: true });

/** Assign through the Proxy so the registry and the own property stay one. */
function define(m: Module, name: string, value: unknown): void {
  Object.defineProperty(m, name, { value, writable: true, enumerable: true, configurable: true });
}

function checkName(m: Module, kind: string, name: unknown, registry: Map<string, unknown>): void {
  if (typeof name !== "string") throw new TypeError(`${kind} name should be a string. Got ${typeName(name)}`);
  if (name.includes(".")) throw new Error(kind === "module" ? `module name can't contain ".", got: ${name}` : `${kind} name can't contain "."`);
  if (name === "") throw new Error(`${kind} name can't be empty string ""`);
  if (name in m && !registry.has(name)) throw new Error(`attribute '${name}' already exists`);
}
