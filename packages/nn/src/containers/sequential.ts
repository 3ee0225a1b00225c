import { Module } from "../module.js";
import { NEGATIVE_INDEX, positionOf } from "../module-proxy.js";
import { isOptions } from "../options.js";

export interface Sequential {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each layer decides what it takes
  (input: any): any;
  /** The layer at a position, as `model[0]` in PyTorch. */
  readonly [index: number]: Module;
}

/** Layers by name, as PyTorch's `Sequential(OrderedDict(...))`. */
export type NamedModules = Record<string, Module> | ReadonlyMap<string, Module>;

/**
 * Layers applied one after the other (`torch.nn.Sequential`), named `0`, `1`, … or by the
 * names of an object or Map.
 *
 * @example
 * ```ts
 * const model = new nn.Sequential(new nn.Linear(2, 16), new nn.ReLU(), new nn.Linear(16, 2));
 * model(x);
 * model[0].weight;   // the first layer's weight (`model.at(-1)` for the last layer)
 * new nn.Sequential({ fc1: new nn.Linear(2, 16), act: new nn.ReLU() });
 * ```
 */
export class Sequential extends Module {
  constructor(...modules: Module[] | [NamedModules]) {
    super();
    const first = modules[0];
    if (modules.length === 1 && (first instanceof Map || isOptions(first))) {
      for (const [name, m] of first instanceof Map ? first : Object.entries(first as Record<string, Module>)) this.add_module(name, m);
      return;
    }
    (modules as Module[]).forEach((m, i) => this.add_module(String(i), m)); // add_module refuses a non-Module
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override forward(input: any): any {
    let x = input;
    for (const m of this._modules.values()) if (m) x = m(x);
    return x;
  }

  /** The number of layers. */
  override get length(): number {
    return this._modules.size;
  }

  /** `model[-1]` is the last layer, as in Python (the Proxy reads it through `at`). */
  get [NEGATIVE_INDEX](): true {
    return true;
  }

  /** The layer at `index`; negative indices count from the end. */
  at(index: number): Module {
    const layers = [...this._modules.values()];
    return layers[positionOf(index, layers.length)]!;
  }

  /** A new Sequential of the layers `start` up to `end` (`model[1:3]`), keeping their names. */
  slice(start?: number, end?: number): this {
    // `this.constructor`, as PyTorch's `self.__class__`: keeps subclasses, and no class body
    // names its own class (bundlers rename classes that do, which would change toString).
    const Ctor = this.constructor as new (modules: NamedModules) => this;
    return new Ctor(new Map([...this._modules].slice(start, end) as [string, Module][]));
  }

  /** Add a layer at the end. */
  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }

  /** The modules in order: `for (const layer of model)`. */
  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }
}
