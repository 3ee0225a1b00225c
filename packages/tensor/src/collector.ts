/**
 * Device memory the garbage collector cannot see. A tensor on a GPU is a small JavaScript object
 * holding a texture or buffer outside the heap; nothing tells V8 what that holds (headless-gl does
 * not report its textures as external memory), so a loop whose garbage tensors are freed only by
 * their finalizers (the intermediates of a user-written `forward`, each step's output and loss)
 * piles up device memory for as long as the heap grows too little to prompt a full collection:
 * lesson 6 on gpu.js held ~8 GB of RSS after 150 steps without one (docs/design.md, "Lesson 6 on
 * the GPUs"). V8 itself collects when the external memory an embedder reports grows; this does
 * the same for device memory: when the bytes of live tensors on devices that free explicitly have
 * grown by {@link collectionThreshold} above their lowest level since the last collection, a full
 * collection runs (Node only: `gc` taken from V8 as `--expose-gc` would give it; browsers give
 * no way to ask). The finalizers it queues free the memory at the next turn of the event loop,
 * which awaited reads give (`letFinalizersRun` in storage.ts).
 */

type Collect = () => void;

/**
 * 64 MiB, the growth of ArrayBuffer memory at which V8 starts a collection of its own (its
 * external allocation soft limit). A full collection of a training loop's small heap takes tens
 * of milliseconds (94-185 ms in lesson 6 on a loaded 2-core machine, against steps of seconds).
 * On gpu.js a float takes 16 bytes of texture (one RGBA32F texel), so 64 MiB of tensors there
 * is 256 MiB of textures.
 */
const DEFAULT_THRESHOLD = 64 * 2 ** 20;

let threshold = DEFAULT_THRESHOLD;
let live = 0; // bytes of live tensors on explicitly freed devices
let floor = 0; // the lowest `live` since the last collection
let collect: Collect | null | undefined; // undefined: not looked up yet; null: none here
let collections = 0;
let collectionMs = 0;

/** V8's `gc`, in Node: the one `--expose-gc` gave, else one exposed now for a fresh context. */
function findCollector(): Collect | null {
  const g = globalThis as { gc?: unknown; process?: { getBuiltinModule?: (id: string) => unknown } };
  if (typeof g.gc === "function") return g.gc as Collect;
  const load = g.process?.getBuiltinModule;
  if (typeof load !== "function") return null;
  try {
    const v8 = load("node:v8") as { setFlagsFromString(flags: string): void };
    const vm = load("node:vm") as { runInNewContext(code: string): unknown };
    v8.setFlagsFromString("--expose-gc");
    try {
      const gc = vm.runInNewContext("gc");
      return typeof gc === "function" ? (gc as Collect) : null;
    } finally {
      v8.setFlagsFromString("--no-expose-gc"); // later contexts (a user's vm) stay as they were
    }
  } catch {
    return null;
  }
}

/** @internal Tensor bytes on an explicitly freed device were allocated (> 0) or freed (< 0). */
export function noteDeviceBytes(bytes: number): void {
  live += bytes;
  if (live < floor) floor = live;
  else if (live - floor > threshold) {
    collect ??= findCollector();
    // Counted from here either way: with no collector, asking again at every allocation is useless.
    floor = live;
    if (collect === null) return;
    collections++;
    const start = performance.now();
    collect();
    collectionMs += performance.now() - start;
  }
}

/**
 * @internal How many bytes of device memory may wait for the collector before a collection is
 * forced (tests lower it); `collections` counts the forced ones. Returns the previous threshold.
 */
export function collectionThreshold(bytes?: number): number {
  const previous = threshold;
  if (bytes !== undefined) {
    threshold = bytes;
    floor = live;
  }
  return previous;
}

/** @internal Collections forced so far (see {@link noteDeviceBytes}), and the milliseconds they took. */
export function forcedCollections(): { count: number; ms: number } {
  return { count: collections, ms: collectionMs };
}
