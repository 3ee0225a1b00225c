/**
 * The machinery that makes modules callable and registers what is assigned to them.
 *
 * A module is a Proxy around an arrow function whose prototype is the module's class prototype:
 * the function makes `model(x)` possible (JavaScript can only call functions), the prototype
 * keeps methods, getters, `instanceof` and `toString`, and the Proxy's traps do what PyTorch's
 * `__call__` and `__setattr__` do. Registered values also stay plain own properties of the
 * function, so reading `model.linear` needs no trap and costs nothing.
 */
import { Tensor, keep } from "@flambeau/tensor";
import { legacyTypeName, scoped } from "@flambeau/tensor/internal";
import { Parameter } from "./parameter.js";

/** Marks module objects, so this file can recognise them without importing the class. */
export const IS_MODULE = Symbol.for("flambeau.nn.Module");
const SELF = Symbol("flambeau.nn.self");

/** What a module keeps beside its attributes, named as PyTorch's. */
export interface Registry {
  _parameters: Map<string, Parameter | null>;
  _buffers: Map<string, Tensor | null>;
  _non_persistent_buffers_set: Set<string>;
  _modules: Map<string, Registry | null>;
  training: boolean;
}

type Target = Registry & { [SELF]: { forward(...args: unknown[]): unknown } };

/** PyTorch's `torch.typename` for error messages, in JavaScript terms. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (v instanceof Tensor) return legacyTypeName(v.dtype);
  if (typeof v === "object" || typeof v === "function") return (v as object).constructor?.name ?? "object";
  return typeof v;
}

function isModule(v: unknown): v is Registry {
  return typeof v === "function" && IS_MODULE in v;
}

/** PyTorch's `Module.__setattr__`: file `value` under `name`, or refuse it as PyTorch does. */
function register(reg: Registry, name: string, value: unknown): void {
  const none = value === null || value === undefined;
  if (value instanceof Parameter) {
    reg._buffers.delete(name);
    reg._non_persistent_buffers_set.delete(name);
    reg._modules.delete(name);
    reg._parameters.set(name, value);
  } else if (isModule(value)) {
    reg._parameters.delete(name);
    reg._buffers.delete(name);
    reg._non_persistent_buffers_set.delete(name);
    reg._modules.set(name, value);
  } else if (reg._parameters.has(name)) {
    if (!none)
      throw new TypeError(`cannot assign '${typeName(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    reg._parameters.set(name, null);
  } else if (reg._modules.has(name)) {
    if (!none) throw new TypeError(`cannot assign '${typeName(value)}' as child module '${name}' (torch.nn.Module or None expected)`);
    reg._modules.set(name, null);
  } else if (reg._buffers.has(name)) {
    if (!none && !(value instanceof Tensor))
      throw new TypeError(`cannot assign '${typeName(value)}' as buffer '${name}' (torch.Tensor or None expected)`);
    reg._buffers.set(name, none ? null : (value as Tensor));
  }
  // A module's tensors outlive any memory scope they were made in (scope.ts).
  if (value instanceof Tensor && (reg._parameters.get(name) === value || reg._buffers.get(name) === value)) keep(value);
}

/**
 * Prototypes of this package's own module classes (builtin-modules.ts), not their subclasses,
 * with the most positional arguments their `forward` takes.
 */
const builtinArity = new Map<object, number>();

/**
 * Record classes whose calls run no user code except through child modules. A call with more
 * arguments than `forward` declares is refused, as Python refuses it: `forward.length`, unless
 * `arity` says otherwise (a parameter with a default is not counted by `Function.length`).
 */
export function markBuiltinModules(classes: { prototype: object }[], arity?: number): void {
  for (const c of classes) builtinArity.set(c.prototype, arity ?? (c.prototype as { forward: (...a: unknown[]) => unknown }).forward.length);
}

/**
 * Whether calling `reg` runs only this package's code: then no user code can keep a temporary
 * of the call, and its device memory is freed when the call returns, or, for what the autograd
 * graph saved, once backward has used it (@flambeau/tensor's scope.ts). A user's own module, or
 * a container holding one, runs unscoped: its temporaries are the garbage collector's.
 */
function callsOnlyLibraryCode(reg: Registry): boolean {
  if (!builtinArity.has(Object.getPrototypeOf(reg) as object)) return false;
  for (const child of reg._modules.values()) if (child !== null && !callsOnlyLibraryCode(child)) return false;
  return true;
}

const handler: ProxyHandler<Target> = {
  apply(target, _thisArg, args) {
    const self = target[SELF];
    // `nn.ReLU()(x, y)` would drop `y` unseen; a user's forward may read `arguments`, so only ours are checked.
    const arity = builtinArity.get(Object.getPrototypeOf(target) as object);
    if (arity !== undefined && args.length > arity)
      throw new TypeError(
        `${self.constructor.name}.forward() takes ${arity} positional argument${arity === 1 ? "" : "s"} but ${args.length} were given`,
      );
    const run = (): unknown => {
      if (args.length > 0 || self.forward.length === 0) return self.forward(...args);
      // `model()` with no input: fine if forward's arguments are optional, but when it fails on
      // them, say so as Python would instead of "cannot read properties of undefined".
      try {
        return self.forward();
      } catch (e) {
        if (e instanceof TypeError) missingInput(self, e);
        throw e;
      }
    };
    return callsOnlyLibraryCode(target) ? scoped(run, undefined, false) : run();
  },
  // Assignments (`this.linear = …`) and class fields (`linear = …`) both arrive here.
  defineProperty(target, key, descriptor) {
    if (typeof key === "string" && "value" in descriptor) register(target, key, descriptor.value);
    return Reflect.defineProperty(target, key, descriptor);
  },
  deleteProperty(target, key) {
    if (typeof key === "string") {
      target._parameters.delete(key);
      target._buffers.delete(key);
      target._non_persistent_buffers_set.delete(key);
      target._modules.delete(key);
    }
    return Reflect.deleteProperty(target, key);
  },
};

/** Marks containers whose `[-1]` counts from the end, as Python's indexing does. */
export const NEGATIVE_INDEX = Symbol.for("flambeau.nn.negativeIndex");

/** A container's position for `index` (negative counts from the end), or a RangeError. */
export function positionOf(index: number, length: number): number {
  const i = index < 0 ? index + length : index;
  if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`index ${index} is out of range`);
  return i;
}

// Only containers pay for a `get` trap: other modules' attribute reads stay trap-free.
const containerHandler: ProxyHandler<Target> = {
  ...handler,
  get(target, key, receiver) {
    if (typeof key === "string" && key.charCodeAt(0) === 45 /* - */ && /^-\d+$/.test(key)) {
      const at = (receiver as { at(i: number): unknown }).at;
      return at.call(receiver, Number(key));
    }
    return Reflect.get(target, key, receiver);
  },
};

/**
 * Python's `TypeError: forward() missing 1 required positional argument: 'input'`, naming
 * forward's first parameter (the later ones may be optional: JavaScript cannot tell).
 */
function missingInput(self: { forward(...args: unknown[]): unknown }, cause: Error): never {
  const first = /^[^(]*\(\s*([A-Za-z_$][\w$]*)/.exec(self.forward.toString())?.[1] ?? "input";
  throw new TypeError(`${self.constructor.name}.forward() missing 1 required positional argument: '${first}'`, { cause });
}

const hidden = (value: unknown, writable = false): PropertyDescriptor => ({ value, writable, configurable: true, enumerable: false });

/** A fresh callable module object whose prototype is `proto` (the `new.target.prototype`). */
export function createModuleObject<T extends object>(proto: object): T {
  // An arrow function has no `prototype` and cannot be `new`ed; its `name` and `length` go so
  // that subclasses may use those names for their own fields.
  const target = (() => undefined) as unknown as Target;
  delete (target as { name?: string }).name;
  delete (target as { length?: number }).length;
  Object.setPrototypeOf(target, proto);
  Object.defineProperties(target, {
    _parameters: hidden(new Map()),
    _buffers: hidden(new Map()),
    _non_persistent_buffers_set: hidden(new Set()),
    _modules: hidden(new Map()),
    training: hidden(true, true),
  });
  const proxy = new Proxy(target, NEGATIVE_INDEX in proto ? containerHandler : handler);
  Object.defineProperty(target, SELF, hidden(proxy));
  return proxy as unknown as T;
}
