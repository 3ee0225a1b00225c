/**
 * Who owns device memory, and when it is freed without waiting for the garbage collector
 * (DESIGN.md, decision 5; docs/design.md says the rule in full).
 *
 * JavaScript gives no reference counts, so the library frees a buffer at once only when it can
 * prove no tensor outside the autograd graph reaches it: the buffer was created inside a scope
 * (the backward engine, a built-in module, an optimizer step, or the user's {@link tidy}) and
 * the scope ended without handing it out. Buffers still saved for backward become *graph-only*
 * and are freed when backward releases them; the rest are freed when the scope ends. Anything
 * that reached user code outside a scope is the garbage collector's (or `dispose()`'s).
 */
import type { Storage } from "./storage.js";
import { Tensor } from "./tensor.js";

/** Storages created while a scope is open, in creation order. */
export interface Scope {
  readonly storages: Storage[];
  /** Whether what it returns stays in library code (not a module call's scope: see {@link openScope}). */
  readonly owning: boolean;
}

const open: Scope[] = [];
/** How many open scopes are owning. */
let owningOpen = 0;

/**
 * @internal Whether a scope is open that frees or keeps all it makes: `torch.tidy`, backward, an
 * optimizer step. (A module call's scope hands its output to the caller, the user's when no
 * owning scope is open.) The CPU backend puts large results in recycled memory only then.
 */
export function owningScopeOpen(): boolean {
  return owningOpen > 0;
}

/** @internal Called by every new storage whose backend frees memory explicitly. */
export function track(storage: Storage): void {
  const top = open[open.length - 1];
  if (top !== undefined) top.storages.push(storage);
}

/**
 * @internal Start a scope; every storage created until {@link closeScope} belongs to it. `owning`
 * is false for a module call's scope, whose output goes back to its caller.
 */
export function openScope(owning = true): Scope {
  const scope: Scope = { storages: [], owning };
  open.push(scope);
  if (owning) owningOpen++;
  return scope;
}

/**
 * @internal End `scope`: storages reached from `result` move to the enclosing scope (or become
 * the user's), kept ones stay, those the graph still saves become graph-only, the rest are freed.
 */
export function closeScope(scope: Scope, result: unknown): void {
  // The common case on the CPU: an innermost scope that made no tracked storage settles nothing.
  if (scope.storages.length === 0 && open[open.length - 1] === scope) {
    open.pop();
    if (scope.owning) owningOpen--;
    return;
  }
  const at = open.lastIndexOf(scope);
  if (at < 0) throw new Error("internal error: closing a memory scope that is not open");
  // An exception may skip inner scopes' closes; they end with this one.
  for (let i = open.length - 1; i > at; i--) settle(open[i]!, new Set(), open[i - 1]!);
  open.length = at;
  owningOpen = 0;
  for (const s of open) if (s.owning) owningOpen++;
  const kept = new Set<Storage>();
  collect(result, kept, 0);
  settle(scope, kept, open[open.length - 1]);
}

function settle(scope: Scope, kept: Set<Storage>, parent: Scope | undefined): void {
  for (const s of scope.storages) {
    if (s.disposed || s._kept) continue;
    if (kept.has(s)) parent?.storages.push(s);
    else if (s._graphRefs > 0) s._graphOnly = true;
    else s.dispose();
  }
}

/** Tensors (and their gradients) in a value: a tensor, or arrays, Maps and plain objects of them. */
function collect(v: unknown, into: Set<Storage>, depth: number): void {
  if (v === null || typeof v !== "object" || depth > 8) return;
  if (v instanceof Tensor) {
    into.add(v._storage);
    if (v._grad !== null) into.add(v._grad._storage);
    return;
  }
  if (Array.isArray(v)) for (const x of v) collect(x, into, depth + 1);
  else if (v instanceof Map) for (const x of v.values()) collect(x, into, depth + 1);
  else if (Object.getPrototypeOf(v) === Object.prototype) for (const x of Object.values(v)) collect(x, into, depth + 1);
}

/** @internal Run `fn` in a scope ({@link openScope}); keep what it returns and what `alsoKeep` lists afterwards. */
export function scoped<T>(fn: () => T, alsoKeep?: () => unknown, owning = true): T {
  const scope = openScope(owning);
  let result: T | undefined;
  try {
    result = fn();
    return result;
  } finally {
    closeScope(scope, alsoKeep ? [result, alsoKeep()] : result);
  }
}

/**
 * Run `fn` and free, when it returns, the device memory of every tensor it created that it
 * does not return (in an array, a `Map` or a plain object too) and that was not given to
 * {@link keep}. Tensors the autograd graph saved for backward are freed when backward has used
 * them instead. Module parameters, buffers, gradients and optimizer state are never freed by a
 * scope. Scopes nest; what an inner one returns belongs to the outer one. `fn` must be
 * synchronous (like TensorFlow.js's `tf.tidy`): await reads after the scope, on what it returned.
 *
 * On the CPU the garbage collector owns small tensors' memory; large float32 tensors, which live in
 * WebAssembly memory, are freed by `tidy` and their memory reused by the next ones.
 *
 * @example
 * ```ts
 * const loss = torch.tidy(() => {
 *   opt.zero_grad();
 *   const loss = loss_fn(model(x), y); // every temporary of the step is freed …
 *   loss.backward();
 *   opt.step();
 *   return loss;                       // … except the loss
 * });
 * console.log(await loss.item());
 * loss.dispose();
 * ```
 */
export function tidy<T>(fn: () => T): T {
  if (typeof fn !== "function") throw new TypeError(`tidy: expected a function, got ${typeof fn}`);
  const result = scoped(fn);
  if (result instanceof Promise)
    throw new TypeError("tidy: fn returned a Promise; its tensors were freed when it returned. Keep fn synchronous and await after tidy.");
  return result;
}

/**
 * Exempt a tensor's memory from every enclosing (and later) {@link tidy} scope: it is freed
 * only by `dispose()` or the garbage collector. Returns the tensor.
 *
 * @example
 * ```ts
 * let best: Tensor | null = null;
 * torch.tidy(() => {
 *   const out = model(x);
 *   best = torch.keep(out.argmax(1)); // survives the scope
 * });
 * ```
 */
export function keep<T extends Tensor>(t: T): T {
  if (!(t instanceof Tensor)) throw new TypeError(`keep: expected a Tensor, got ${t === null ? "null" : typeof t}`);
  t._storage._kept = true;
  t._storage._graphOnly = false;
  t._storage._gradSlotOnly = false; // e.g. an optimizer keeping a gradient in its state
  return t;
}
