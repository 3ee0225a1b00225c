/**
 * `state_dict()` and `load_state_dict()`: PyTorch's key names, order and error messages. Loading
 * validates every entry before writing any, so a failed load leaves the model as it was
 * (Decision 6) — stricter than PyTorch, which copies the good entries before raising.
 */
import { Tensor, can_read_sync } from "@flambeau/tensor";
import { asyncReadRequired, describeValue, shapesEqual } from "@flambeau/tensor/internal";
import { no_grad } from "@flambeau/autograd";
import type { Module } from "./module.js";
import { torchSize } from "./repr.js";
import { typeName } from "./module-proxy.js";

/** A state dict: names such as `linear.weight` mapped to tensors, in PyTorch's order. */
export type StateDict = Record<string, Tensor>;
/** What `load_state_dict` accepts: a state dict object or a Map. */
export type StateDictLike = StateDict | ReadonlyMap<string, Tensor>;

/** The parameters and persistent buffers a module itself holds (PyTorch's `local_state`). */
function localState(m: Module): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  for (const [k, p] of m._parameters) if (p) out.set(k, p);
  for (const [k, b] of m._buffers) if (b && !m._non_persistent_buffers_set.has(k)) out.set(k, b);
  return out;
}

/** Collect `m`'s state under `prefix` into `out`: own parameters, then buffers, then children. */
export function collectState(m: Module, prefix: string, keepVars: boolean, out: StateDict): StateDict {
  for (const [k, t] of localState(m)) out[prefix + k] = keepVars ? t : t.detach();
  for (const [k, child] of m._modules) if (child) collectState(child, `${prefix}${k}.`, keepVars, out);
  return out;
}

/**
 * What `load_state_dict` returns: the keys it did not find and the keys it did not use
 * (PyTorch's `_IncompatibleKeys`, a named pair). It prints as PyTorch's does, and unpacks by
 * name or by position.
 *
 * @example
 * ```ts
 * console.log(model.load_state_dict(sd)); // <All keys matched successfully>
 * const { missing_keys, unexpected_keys } = model.load_state_dict(sd, { strict: false });
 * const [missing, unexpected] = model.load_state_dict(sd, { strict: false });
 * ```
 */
export class IncompatibleKeys {
  constructor(
    readonly missing_keys: string[],
    readonly unexpected_keys: string[],
  ) {}
  /** As PyTorch prints it: `<All keys matched successfully>` when both lists are empty. */
  toString(): string {
    if (this.missing_keys.length === 0 && this.unexpected_keys.length === 0) return "<All keys matched successfully>";
    const list = (ks: string[]) => `[${ks.map((k) => `'${k}'`).join(", ")}]`;
    return `_IncompatibleKeys(missing_keys=${list(this.missing_keys)}, unexpected_keys=${list(this.unexpected_keys)})`;
  }
  /** Node's `console.log(result)` prints what PyTorch's `print(result)` does. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
  /** `[missing_keys, unexpected_keys]`, as Python unpacks the named tuple. */
  *[Symbol.iterator](): IterableIterator<string[]> {
    yield this.missing_keys;
    yield this.unexpected_keys;
  }
}

/** Load `stateDict` into `root`, all or nothing. */
export function loadState(root: Module, stateDict: StateDictLike, strict: boolean): IncompatibleKeys {
  if (stateDict === null || typeof stateDict !== "object" || Array.isArray(stateDict) || stateDict instanceof Tensor)
    throw new TypeError(`Expected state_dict to be dict-like, got ${describeValue(stateDict)}.`);
  const sd = new Map<string, unknown>(stateDict instanceof Map ? stateDict : Object.entries(stateDict));
  const missing: string[] = [], unexpected: string[] = [], errors: string[] = [];
  const copies: [Tensor, Tensor][] = [];

  const visit = (m: Module, prefix: string): void => {
    m._load_state_defaults(sd, prefix);
    const local = localState(m);
    for (const [name, target] of local) {
      const key = prefix + name;
      if (!sd.has(key)) {
        missing.push(key);
        continue;
      }
      const input = sd.get(key);
      const problem = checkEntry(key, target, input);
      if (problem) errors.push(problem);
      else copies.push([target, reshapeLegacyScalar(target, input as Tensor)]);
    }
    for (const key of sd.keys()) {
      if (!key.startsWith(prefix)) continue;
      const first = key.slice(prefix.length).split(".", 1)[0]!;
      if (!m._modules.has(first) && !local.has(first)) unexpected.push(key);
    }
    for (const [name, child] of m._modules) if (child) visit(child, `${prefix}${name}.`);
  };
  visit(root, "");

  if (strict) {
    if (unexpected.length > 0) errors.unshift(`Unexpected key(s) in state_dict: ${quoted(unexpected)}. `);
    if (missing.length > 0) errors.unshift(`Missing key(s) in state_dict: ${quoted(missing)}. `);
  }
  if (errors.length > 0) throw new Error(`Error(s) in loading state_dict for ${root._get_name()}:\n\t${errors.join("\n\t")}`);
  no_grad(() => {
    for (const [target, src] of copies) target.copy_(src);
  });
  return new IncompatibleKeys(missing, unexpected);
}

const quoted = (keys: string[]) => keys.map((k) => `"${k}"`).join(", ");

/** Why `input` cannot be copied into `target`, or null when it can. */
function checkEntry(key: string, target: Tensor, input: unknown): string | null {
  if (!(input instanceof Tensor))
    return `While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${typeName(input)}`;
  const src = reshapeLegacyScalar(target, input);
  if (!shapesEqual(src.shape, target.shape))
    return `size mismatch for ${key}: copying a param with shape ${torchSize(input.shape)} from checkpoint, the shape in current model is ${torchSize(target.shape)}.`;
  // Checked now because the copy would otherwise fail halfway through the load.
  if (src.device.type !== target.device.type && !can_read_sync(src))
    return asyncReadRequired(`copying ${key} to '${target.device}'`, src.device, `move the state_dict first (await t.toAsync("${target.device}"))`).message;
  return null;
}

// PyTorch loads a one-element 1-D tensor into a 0-d parameter, for old checkpoints.
function reshapeLegacyScalar(target: Tensor, input: Tensor): Tensor {
  return target.ndim === 0 && input.ndim === 1 && input.numel() === 1 ? input.reshape([]) : input;
}
