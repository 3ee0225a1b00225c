/**
 * `torch.save` / `torch.load` for state dicts, in the safetensors format (Decision 10): files in
 * Node, bytes anywhere (browsers included).
 */
import { Tensor, type DeviceLike } from "@flambeau/tensor";
import { decodeSafetensors, encodeSafetensors, type RawTensor } from "./safetensors.js";
import { fromRaw, toRaw } from "./tensor-bytes.js";
import type { StateDict, StateDictLike } from "../state-dict.js";
import { IS_MODULE } from "../module-proxy.js";

/** Options of {@link save} and {@link saveToBytes}. */
export interface SaveOptions {
  /** String key/value pairs stored in the header's `__metadata__` (e.g. `{ format: "pt" }`). */
  metadata?: Record<string, string> | null;
}

/** Options of {@link load} and {@link loadFromBytes}. */
export interface LoadOptions {
  /** The device to create the tensors on (PyTorch's `map_location`); the default device otherwise. */
  map_location?: DeviceLike;
}

function entriesOf(obj: StateDictLike): [string, Tensor][] {
  if (typeof obj === "function" && IS_MODULE in obj)
    throw new TypeError("save: expected a state_dict, got a Module; save model.state_dict() instead");
  if (typeof obj !== "object" || obj === null || obj instanceof Tensor)
    throw new TypeError("save: expected a state_dict (an object or Map of names to tensors)");
  const entries = obj instanceof Map ? [...obj] : Object.entries(obj);
  for (const [k, v] of entries) {
    if (!(v instanceof Tensor)) throw new TypeError(`save: the value of '${k}' is not a Tensor`);
    // The safetensors header keeps this key for its string metadata: a tensor under it would
    // write a file that no reader (ours or Python's) accepts.
    if (k === "__metadata__")
      throw new Error("save: the name '__metadata__' is reserved by the safetensors format for the file's metadata; rename the tensor, and pass string metadata as { metadata: {...} }");
  }
  return entries as [string, Tensor][];
}

/**
 * A state dict as safetensors bytes, e.g. to download in a browser. Equal to what Python's
 * `safetensors.torch.save(state_dict)` gives for the same tensors.
 *
 * @example
 * ```ts
 * const bytes = await nn.saveToBytes(model.state_dict());
 * ```
 */
export async function saveToBytes(obj: StateDictLike, options: SaveOptions = {}): Promise<Uint8Array> {
  const entries = entriesOf(obj);
  const raw = await Promise.all(entries.map(async ([k, t]): Promise<[string, RawTensor]> => [k, await toRaw(t)]));
  return encodeSafetensors(raw, options.metadata ?? null);
}

/**
 * A state dict from safetensors bytes (written here or by PyTorch). Truncated or corrupt data
 * fails with an error that says so.
 *
 * @example
 * ```ts
 * model.load_state_dict(nn.loadFromBytes(new Uint8Array(await (await fetch(url)).arrayBuffer())));
 * ```
 */
export function loadFromBytes(bytes: Uint8Array | ArrayBuffer, options: LoadOptions = {}): StateDict {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const out: StateDict = {};
  // defineProperty, not `out[name] =`: a tensor named "__proto__" would set the prototype instead.
  for (const [name, raw] of decodeSafetensors(view).tensors)
    Object.defineProperty(out, name, { value: fromRaw(name, raw, options.map_location), enumerable: true, writable: true, configurable: true });
  return out;
}

interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

// `node:fs` is imported only when a file is read or written, through a specifier bundlers do
// not follow, so that browser bundles of this package never see it.
async function nodeFs(op: string): Promise<FileSystem> {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (!proc?.versions?.node)
    throw new Error(`${op}() reads and writes files with Node's fs; in a browser use saveToBytes() and loadFromBytes()`);
  const specifier = "node:fs/promises";
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as FileSystem;
}

/**
 * `torch.save(state_dict, path)`: write a state dict to a safetensors file (Node).
 *
 * @example
 * ```ts
 * await nn.save(model.state_dict(), "awesome_model.safetensors");
 * ```
 */
export async function save(obj: StateDictLike, path: string, options: SaveOptions = {}): Promise<void> {
  const bytes = await saveToBytes(obj, options);
  await (await nodeFs("save")).writeFile(path, bytes);
}

/**
 * `torch.load(path)`: read a state dict from a safetensors file (Node), or from bytes.
 *
 * @example
 * ```ts
 * model.load_state_dict(await nn.load("awesome_model.safetensors"));
 * ```
 */
export async function load(path: string | Uint8Array | ArrayBuffer, options: LoadOptions = {}): Promise<StateDict> {
  if (typeof path !== "string") return loadFromBytes(path, options);
  return loadFromBytes(await (await nodeFs("load")).readFile(path), options);
}
