/**
 * Printing a tensor needs its values. The CPU reads them at once; a GPU device only
 * asynchronously. `snapshot` starts every read when `print` is called — so later in-place
 * updates cannot leak into what is printed — and resolves to values that format synchronously.
 */
import * as torch from "flambeau";
import { PY_REPR, isPlainObject, type Preformatted } from "./pyrepr.js";

/** `value`, or (when it holds tensors on an asynchronous device) a promise of a printable copy. */
export function snapshot(value: unknown): unknown {
  if (value instanceof torch.Tensor) return torch.can_read_sync(value) ? value : formatAsync(value);
  if (Array.isArray(value)) return settle(value.map(snapshot), (items) => items);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return settle(keys.map((k) => snapshot(value[k])), (vals) => Object.fromEntries(keys.map((k, i) => [k, vals[i]])));
  }
  return value;
}

// Only waits when some item is a promise, so CPU values print synchronously.
function settle<T>(items: unknown[], build: (items: unknown[]) => T): T | Promise<T> {
  if (!items.some((v) => v instanceof Promise)) return build(items);
  return Promise.all(items).then(build);
}

/**
 * PyTorch's form of a tensor on an asynchronous device: the values of a CPU copy, then the
 * suffixes PyTorch adds for the device and the graph.
 */
async function formatAsync(t: torch.Tensor): Promise<Preformatted> {
  const isParameter = t instanceof torch.nn.Parameter;
  const suffixes = [`device='${t.device.toString()}'`];
  if (t.grad_fn) suffixes.push(`grad_fn=<${t.grad_fn.name()}>`);
  else if (t.requires_grad) suffixes.push("requires_grad=True");
  const copy = await t.detach().toAsync("cpu");
  const text = String(copy).replace(/\)$/, `, ${suffixes.join(", ")})`);
  return { [PY_REPR]: isParameter ? `Parameter containing:\n${text}` : text };
}
