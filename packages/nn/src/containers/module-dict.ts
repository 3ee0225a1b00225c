import { Module } from "../module.js";

/**
 * Modules by name, registered as children (`torch.nn.ModuleDict`); ordered by insertion.
 *
 * @example
 * ```ts
 * const heads = new nn.ModuleDict({ cls: new nn.Linear(4, 2), reg: new nn.Linear(4, 1) });
 * heads.get("cls")(features);
 * ```
 */
export class ModuleDict extends Module {
  constructor(modules: Record<string, Module> | Iterable<[string, Module]> = {}) {
    super();
    this.update(modules);
  }

  /** The module under `key`. */
  get(key: string): Module {
    const m = this._modules.get(key);
    if (!m) throw new Error(`KeyError: '${key}'`);
    return m;
  }

  /** Put a module under `key` (replacing any there). */
  set(key: string, module: Module): this {
    this.add_module(key, module);
    return this;
  }

  /** Whether a module is stored under `key`. */
  has(key: string): boolean {
    return this._modules.has(key);
  }

  /** Remove and return the module under `key`. */
  pop(key: string): Module {
    const m = this.get(key);
    delete (this as unknown as Record<string, unknown>)[key];
    return m;
  }

  /** Remove every module. */
  clear(): void {
    for (const key of [...this._modules.keys()]) delete (this as unknown as Record<string, unknown>)[key];
  }

  /** Add or replace modules from an object, a Map or `[key, module]` pairs. */
  update(modules: Record<string, Module> | Iterable<[string, Module]>): this {
    const entries = Symbol.iterator in modules ? modules : Object.entries(modules);
    for (const [k, m] of entries as Iterable<[string, Module]>) this.add_module(k, m);
    return this;
  }

  /** The number of modules. */
  override get length(): number {
    return this._modules.size;
  }
  /** The keys, in insertion order: `dict.keys()`. */
  keys(): string[] {
    return [...this._modules.keys()];
  }
  /** The modules, in insertion order: `dict.values()`. */
  values(): Module[] {
    return [...this._modules.values()] as Module[];
  }
  /** `[key, module]` pairs, in insertion order: `for (const [k, m] of dict.items())`. */
  items(): [string, Module][] {
    return [...this._modules] as [string, Module][];
  }
  /** Iterating gives the keys, as iterating a Python dict does. */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }
}
