import { Module } from "../module.js";
import { NEGATIVE_INDEX, positionOf } from "../module-proxy.js";

export interface ModuleList {
  /** The module at a position, as `layers[0]` in PyTorch. */
  readonly [index: number]: Module;
}

/**
 * A list of modules whose parameters are registered (`torch.nn.ModuleList`); iterate it in
 * your own `forward`.
 *
 * @example
 * ```ts
 * class Deep extends nn.Module {
 *   layers = new nn.ModuleList([1, 2, 3].map(() => new nn.Linear(4, 4)));
 *   forward(x: Tensor) {
 *     for (const layer of this.layers) x = layer(x).relu();
 *     return x;
 *   }
 * }
 * ```
 */
export class ModuleList extends Module {
  constructor(modules: Iterable<Module> = []) {
    super();
    this.extend(modules);
  }

  /** The number of modules. */
  override get length(): number {
    return this._modules.size;
  }

  /** `model[-1]` is the last layer, as in Python (the Proxy reads it through `at`). */
  get [NEGATIVE_INDEX](): true {
    return true;
  }

  /** The module at `index`; negative indices count from the end. */
  at(index: number): Module {
    return this._modules.get(String(positionOf(index, this.length)))!; // keys are always 0..length-1
  }

  /** Add a module at the end. */
  append(module: Module): this {
    this.add_module(String(this.length), module);
    return this;
  }

  /** Add modules at the end. */
  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Insert a module before `index`, renumbering those after it. */
  insert(index: number, module: Module): void {
    const all = [...this];
    const i = Math.max(0, Math.min(index < 0 ? index + all.length : index, all.length));
    all.splice(i, 0, module);
    this.renumber(all);
  }

  /** Remove and return the module at `index` (the last by default), renumbering the rest. */
  pop(index = -1): Module {
    const all = [...this];
    const m = this.at(index);
    all.splice(all.indexOf(m), 1);
    this.renumber(all);
    return m;
  }

  private renumber(modules: Module[]): void {
    for (const key of [...this._modules.keys()]) delete (this as unknown as Record<string, unknown>)[key];
    modules.forEach((m, i) => this.add_module(String(i), m));
  }

  /** The modules in order: `for (const layer of model)`. */
  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }
}
