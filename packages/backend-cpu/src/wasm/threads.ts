import { NR } from "./gemm-kernel.js";
import { CONTROL_BYTES, type Wasm } from "./runtime.js";

/**
 * Worker threads for the large kernels: `worker_threads` in Node, Web Workers in a browser,
 * each with its own instance of the kernels' module over the one shared WebAssembly memory.
 *
 * CPU ops are synchronous (reads are too), so a job is joined synchronously: the calling
 * thread writes the job into the control block at the start of memory, bumps a generation
 * counter that the workers sleep on (`Atomics.wait`), and then every thread, the caller too,
 * claims the job's chunks one at a time from a shared counter until none is left; the caller
 * waits only for chunks a worker has claimed and not finished (`Atomics.wait` where it may
 * block, a spin on a browser's main thread). So a worker that is slow to wake (its core busy
 * with another process) or runs on a slower core takes fewer chunks instead of holding the
 * product up, and a worker that never wakes in time costs the caller nothing but the wake-up
 * call. A job is a product (chunks: runs of column panels of C) or a span of an elementwise
 * kernel (chunks: runs of vectors); each output element is computed by exactly one thread with
 * the same instructions, so results do not depend on the thread count or on who took what.
 *
 * Claims carry the job's tag: the claim counter holds `tag << 16 | next chunk` and the job word
 * `tag << 16 | chunks`, so a claim made by a worker that woke after its job ended (whose tag no
 * longer matches, or whose index is past the end) is recognised and dropped, and a job's
 * arguments, written before its tag is published, stay put until its last claimed chunk is done.
 */

// Control block slots (Int32 indices).
const GEN = 0;
/** Chunks of the current job finished (by any thread). */
const DONE = 1;
const READY = 2;
const ARGS = 4; // gemm: ap, bp, c, k, ldc, mp, np; binary span: o, a, as, b, bs, n4; unary span: o, x, n4
/** The job's kind ({@link GEMM}, {@link BINARY_SPAN}, {@link UNARY_SPAN}) and kernel (an index into the module's exports). */
const KIND = 11;
const FN = 12;
const GEMM = 0;
const BINARY_SPAN = 1;
const UNARY_SPAN = 2;
/** The current pool's number: a worker of a pool since replaced (set_num_threads) quits, untouched. */
const EPOCH = 13;
/** Set by a thread whose chunk threw (a trap): the caller raises instead of returning garbage. */
const FAILED = 14;
const PROBE = 15;
/** The claim counter, `tag << 16 | next chunk index`. */
const NEXT = 16;
/** The job word, `tag << 16 | number of chunks`. */
const JOB = 17;
/** Column panels (gemm) or vectors (spans) per chunk. */
const CHUNK = 18;
/** Chunks computed by workers, ever (for tests: that a worker really took part). */
const WORKER_CHUNKS = 19;
/** A product's B packing, done per chunk ({@link PanelPacking}): kernel (index), src, step, ld, panels; kernel -1: none. */
const PACK = 20;

/** The worker's program, as source so it needs no file of its own in any bundler or test runner. */
const WORKER_SOURCE = `
function run(d) {
  const inst = new WebAssembly.Instance(d.module, { env: { memory: d.memory } });
  const gemm = inst.exports.gemm;
  const fns = WebAssembly.Module.exports(d.module).map((e) => inst.exports[e.name]);
  const I = new Int32Array(d.memory.buffer, 0, ${CONTROL_BYTES / 4});
  const chunk = (i) => {
    const kind = I[${KIND}], c = I[${CHUNK}];
    if (kind === ${GEMM}) {
      const np = I[${ARGS + 6}], j0 = i * c, j1 = Math.min(np, j0 + c), k = I[${ARGS + 3}];
      if (I[${PACK}] >= 0)
        for (let j = j0, end = Math.min(j1, I[${PACK + 4}]); j < end; j++)
          fns[I[${PACK}]](I[${ARGS + 1}] + ${4 * NR} * j * k, I[${PACK + 1}] + I[${PACK + 2}] * j, I[${PACK + 3}], k);
      gemm(I[${ARGS}], I[${ARGS + 1}], I[${ARGS + 2}], I[${ARGS + 3}], I[${ARGS + 4}], 0, I[${ARGS + 5}], j0, j1);
    } else if (kind === ${BINARY_SPAN}) {
      const v0 = i * c, v1 = Math.min(I[${ARGS + 5}], v0 + c);
      fns[I[${FN}]](I[${ARGS}] + 16 * v0, I[${ARGS + 1}] + I[${ARGS + 2}] * v0, I[${ARGS + 2}], I[${ARGS + 3}] + I[${ARGS + 4}] * v0, I[${ARGS + 4}], v1 - v0);
    } else {
      const v0 = i * c, v1 = Math.min(I[${ARGS + 2}], v0 + c);
      fns[I[${FN}]](I[${ARGS}] + 16 * v0, I[${ARGS + 1}] + 16 * v0, v1 - v0);
    }
  };
  let gen = Atomics.load(I, ${GEN});
  if (Atomics.load(I, ${EPOCH}) !== d.epoch) return;
  Atomics.add(I, ${READY}, 1);
  Atomics.notify(I, ${READY});
  for (;;) {
    Atomics.wait(I, ${GEN}, gen);
    if (Atomics.load(I, ${EPOCH}) !== d.epoch) return;
    gen = Atomics.load(I, ${GEN});
    for (;;) {
      const claim = Atomics.add(I, ${NEXT}, 1), job = Atomics.load(I, ${JOB}), i = claim & 0xffff, chunks = job & 0xffff;
      if (claim >>> 16 !== job >>> 16 || i >= chunks) break;
      try {
        chunk(i);
      } catch (e) {
        Atomics.store(I, ${FAILED}, 1);
      }
      Atomics.add(I, ${WORKER_CHUNKS}, 1);
      if (Atomics.add(I, ${DONE}, 1) + 1 === chunks) Atomics.notify(I, ${DONE});
    }
  }
}
if (typeof require === "function") run(require("node:worker_threads").workerData);
else self.onmessage = (e) => run(e.data);
`;

interface AnyWorker {
  terminate(): unknown;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}
interface NodeWorkerThreads {
  Worker: new (src: string, opts: { eval: true; workerData: unknown }) => AnyWorker & { unref(): void };
}

function nodeProcess(): NodeProcess | undefined {
  const p = (globalThis as { process?: { versions?: { node?: string } } & NodeProcess }).process;
  return p?.versions?.node ? p : undefined;
}

let cores: number | undefined;

/**
 * Logical cores here (every core, as `torch.get_num_threads()` reports them by default), read
 * once: every product asks, and `os.availableParallelism()` costs a few microseconds a call.
 */
function coreCount(): number {
  return (cores ??= readCoreCount());
}

function readCoreCount(): number {
  const os = nodeProcess()?.getBuiltinModule?.("node:os") as { availableParallelism?: () => number; cpus(): unknown[] } | undefined;
  if (os) return os.availableParallelism?.() ?? os.cpus().length;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return nav?.hardwareConcurrency ?? 1;
}

let wanted: number | undefined;
let pool: { workers: AnyWorker[]; control: Int32Array; canBlock: boolean } | null = null;
let poolFailed = false;

/** Whether this platform can run the kernels on more than one thread. */
function threadsPossible(w: Wasm): boolean {
  if (!w.shared || poolFailed) return false;
  const node = nodeProcess();
  if (node) return typeof node.getBuiltinModule === "function";
  return typeof (globalThis as { Worker?: unknown }).Worker === "function";
}

/** The number of threads large CPU kernels use (1 where threads are unavailable). */
export function getNumThreads(w: Wasm | null): number {
  if (w === null || !threadsPossible(w)) return 1;
  return wanted ?? Math.max(1, coreCount());
}

/** Use `n` threads for large CPU kernels (the calling thread and n - 1 workers). */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`set_num_threads: expected a positive integer, got ${String(n)}`);
  wanted = n;
  stopPool();
}

function stopPool(): void {
  if (pool === null) return;
  for (const wk of pool.workers) void wk.terminate();
  pool = null;
}

function startPool(w: Wasm, threads: number): void {
  const control = new Int32Array(w.memory.buffer, 0, CONTROL_BYTES / 4);
  const epoch = Atomics.load(control, EPOCH) + 1;
  for (const slot of [GEN, DONE, READY, FAILED, NEXT, JOB]) Atomics.store(control, slot, 0);
  Atomics.store(control, EPOCH, epoch);
  const workers: AnyWorker[] = [];
  const node = nodeProcess();
  try {
    for (let index = 1; index < threads; index++) {
      const data = { module: w.module, memory: w.memory, index, epoch };
      if (node) {
        const wt = node.getBuiltinModule!("node:worker_threads") as NodeWorkerThreads;
        const worker = new wt.Worker(WORKER_SOURCE, { eval: true, workerData: data });
        worker.unref(); // idle workers must not keep the process alive
        workers.push(worker);
      } else {
        const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
        const worker = new Worker(url);
        worker.postMessage(data);
        workers.push(worker);
      }
    }
  } catch {
    for (const wk of workers) void wk.terminate();
    poolFailed = true;
    return;
  }
  let canBlock = true;
  try {
    Atomics.wait(control, PROBE, 1, 0); // throws where this thread may not block
  } catch {
    canBlock = false;
  }
  pool = { workers, control, canBlock };
  // Node starts workers without this thread's event loop: wait for them (once) so the first
  // large product already runs on every thread. A browser starts them asynchronously.
  if (node && canBlock) {
    const until = performance.now() + 2000;
    let ready: number;
    while ((ready = Atomics.load(control, READY)) < threads - 1 && performance.now() < until)
      Atomics.wait(control, READY, ready, 50);
  }
}

/** Jobs run on more than one thread so far (for tests: that the pool really ran). */
export let threadedJobs = 0;

/** Chunks of jobs that worker threads computed so far (for tests: that a worker took part). */
export function workerChunks(): number {
  return pool === null ? 0 : Atomics.load(pool.control, WORKER_CHUNKS);
}

/**
 * Below this many multiply-adds (3 x 2^20, ~3.1M: a 146³ product) a product stays on the calling
 * thread. Posting a job costs the caller a wake-up call and a few atomics whether or not a
 * worker comes, and a worker that comes late only takes fewer chunks. With the other core free,
 * two threads ran 1.3x faster from 160³ (1.5x at 224³ and on the MLP's 128x256x256) and not at
 * 128³; with it taken, products from here to 384³ ran 1-9% slower (docs/design.md, "Threads").
 */
const THREAD_MIN_WORK = 3 << 20;
/**
 * Below this many vectors (1M float32) an elementwise kernel stays on the calling thread: waking
 * the workers costs tens of microseconds, and on a busy machine a worker may wait for a core
 * (docs/design.md, measured: 512K elements ran slower on two threads than on one).
 */
const SPAN_THREAD_MIN_VECTORS = 1 << 18;
/** Chunks per thread a job is cut into: enough for a slow or late thread to take fewer. */
const CHUNKS_PER_THREAD = 8;
/** Loads of the done counter the caller spins through before it sleeps on it. */
const JOIN_SPINS = 1 << 14;

/**
 * @internal The pool, started (or restarted with the wanted size) and ready, if a job should
 * use it; null to run on the calling thread.
 */
export function readyPool(w: Wasm, threads: number): { control: Int32Array; canBlock: boolean } | null {
  if (pool === null || pool.workers.length !== threads - 1) {
    stopPool();
    startPool(w, threads);
  }
  const p = pool;
  return p !== null && Atomics.load(p.control, READY) === threads - 1 ? p : null;
}

let tag = 0;

/**
 * Run a job already written into the control block's arguments on every thread: publish it as
 * `chunks` chunks of `size` (panels or vectors), wake the workers, claim and run chunks here
 * (`chunk(i)`) until none is left, then wait for those the workers claimed. `what` names the
 * op in errors.
 */
function runJob(p: { control: Int32Array; canBlock: boolean }, kind: number, size: number, chunks: number, chunk: (i: number) => void, what: string): void {
  const I = p.control;
  tag = (tag + 1) & 0x7fff;
  I[KIND] = kind;
  I[CHUNK] = size;
  Atomics.store(I, DONE, 0);
  Atomics.store(I, FAILED, 0);
  Atomics.store(I, JOB, (tag << 16) | chunks);
  Atomics.store(I, NEXT, tag << 16);
  Atomics.add(I, GEN, 1);
  Atomics.notify(I, GEN);
  // Even if a chunk traps here, the workers' chunks must finish before anything else runs.
  let failure: unknown = null;
  for (;;) {
    const i = Atomics.add(I, NEXT, 1) & 0xffff;
    if (i >= chunks) break;
    try {
      chunk(i);
    } catch (e) {
      failure ??= e;
    }
    Atomics.add(I, DONE, 1);
  }
  let done: number;
  for (let spins = 0; (done = Atomics.load(I, DONE)) < chunks; spins++) if (p.canBlock && spins >= JOIN_SPINS) Atomics.wait(I, DONE, done);
  if (failure !== null)
    throw new Error(`${what}: the CPU kernel failed on the calling thread (${failure instanceof Error ? failure.message : String(failure)})`, { cause: failure });
  if (Atomics.load(I, FAILED) !== 0) throw new Error(`${what}: a worker thread of the CPU backend failed its share of the work`);
  threadedJobs++;
}

/**
 * Cut `units` into chunks for `threads`: [size of a chunk, number of chunks]. At most 2^14
 * chunks, so the 16 bits of a claim's index never carry into its tag.
 */
function chunking(units: number, threads: number): [number, number] {
  const size = Math.max(1, Math.ceil(units / Math.min(threads * CHUNKS_PER_THREAD, 1 << 14)));
  return [size, Math.ceil(units / size)];
}

/**
 * How the full panels of an operand that lives in WebAssembly memory are packed by a SIMD
 * packing kernel (./pack-kernel.ts): panel j is `kernel(dst + j * panel bytes, src + j * step,
 * ld, k)`, for j below `panels`.
 */
export interface PanelPacking {
  readonly kernel: `pack_${string}`;
  readonly src: number;
  readonly step: number;
  readonly ld: number;
  readonly panels: number;
}

/** Pack panels [j0, j1) of `p` (those below `p.panels`) into the panels of R lines at `dst`. */
export function packPanels(w: Wasm, p: PanelPacking, dst: number, R: number, k: number, j0: number, j1: number): void {
  const kernel = w.exports[p.kernel];
  for (let j = j0, end = Math.min(j1, p.panels); j < end; j++) kernel(dst + 4 * R * j * k, p.src + p.step * j, p.ld, k);
}

/**
 * `gemm` over all mp x np tiles, split over the pool's threads when it is large enough. `pb`,
 * if not null, packs B's full panels first, each chunk's by the thread that takes the chunk.
 */
export function runGemm(w: Wasm, ap: number, bp: number, c: number, k: number, ldc: number, mp: number, np: number, pb: PanelPacking | null): void {
  const threads = getNumThreads(w);
  const work = mp * np * k * 32;
  const p = threads > 1 && work >= THREAD_MIN_WORK && np >= 2 ? readyPool(w, threads) : null;
  if (p === null) {
    if (pb !== null) packPanels(w, pb, bp, NR, k, 0, np);
    w.exports.gemm(ap, bp, c, k, ldc, 0, mp, 0, np);
    return;
  }
  const I = p.control;
  I[ARGS] = ap; I[ARGS + 1] = bp; I[ARGS + 2] = c; I[ARGS + 3] = k; I[ARGS + 4] = ldc; I[ARGS + 5] = mp; I[ARGS + 6] = np;
  I[PACK] = pb === null ? -1 : kernelIndex(w, pb.kernel);
  if (pb !== null) [I[PACK + 1], I[PACK + 2], I[PACK + 3], I[PACK + 4]] = [pb.src, pb.step, pb.ld, pb.panels];
  const [size, chunks] = chunking(np, threads);
  runJob(p, GEMM, size, chunks, (i) => {
    const [j0, j1] = [i * size, Math.min(np, (i + 1) * size)];
    if (pb !== null) packPanels(w, pb, bp, NR, k, j0, j1);
    w.exports.gemm(ap, bp, c, k, ldc, 0, mp, j0, j1);
  }, "matmul");
}

/** Export name -> its index in the module's exports (the workers' table of kernels). */
const exportIndex = new Map<string, number>();
function kernelIndex(w: Wasm, name: string): number {
  if (exportIndex.size === 0) WebAssembly.Module.exports(w.module).forEach((e, i) => exportIndex.set(e.name, i));
  return exportIndex.get(name)!;
}

type BinarySpan = (o: number, a: number, as: number, b: number, bs: number, n4: number) => void;
type UnarySpan = (o: number, x: number, n4: number) => void;

/**
 * `name(o, a, as, b, bs, n4)`, a binary elementwise kernel over n4 vectors (steps `as`, `bs`
 * of 16 or 0 bytes), split into runs of vectors over the pool's threads when large enough.
 */
export function runBinarySpan(w: Wasm, name: string, o: number, a: number, as: number, b: number, bs: number, n4: number): void {
  const f = w.exports[name as `binary_${string}`] as BinarySpan;
  const threads = getNumThreads(w);
  const p = threads > 1 && n4 >= SPAN_THREAD_MIN_VECTORS ? readyPool(w, threads) : null;
  if (p === null) return f(o, a, as, b, bs, n4);
  binarySpanJob(w, p, threads, name, o, a, as, b, bs, n4, (v0, n) => f(o + 16 * v0, a + as * v0, as, b + bs * v0, bs, n));
}

/**
 * @internal The threaded part of {@link runBinarySpan}: the workers read the span from the
 * control block, this thread runs `here(first vector, vectors)` for each chunk it claims
 * (a test passes its own, to see the join report a worker's failure).
 */
export function binarySpanJob(
  w: Wasm, p: { control: Int32Array; canBlock: boolean }, threads: number, name: string,
  o: number, a: number, as: number, b: number, bs: number, n4: number, here: (v0: number, n: number) => void,
): void {
  const I = p.control;
  I[FN] = kernelIndex(w, name);
  I[ARGS] = o; I[ARGS + 1] = a; I[ARGS + 2] = as; I[ARGS + 3] = b; I[ARGS + 4] = bs; I[ARGS + 5] = n4;
  const [size, chunks] = chunking(n4, threads);
  runJob(p, BINARY_SPAN, size, chunks, (i) => here(i * size, Math.min(size, n4 - i * size)), name);
}

/** `name(o, x, n4)`, a unary elementwise kernel over n4 vectors, split like {@link runBinarySpan}. */
export function runUnarySpan(w: Wasm, name: string, o: number, x: number, n4: number): void {
  const f = w.exports[name as `unary_${string}`] as UnarySpan;
  const threads = getNumThreads(w);
  const p = threads > 1 && n4 >= SPAN_THREAD_MIN_VECTORS ? readyPool(w, threads) : null;
  if (p === null) return f(o, x, n4);
  const I = p.control;
  I[FN] = kernelIndex(w, name);
  I[ARGS] = o; I[ARGS + 1] = x; I[ARGS + 2] = n4;
  const [size, chunks] = chunking(n4, threads);
  runJob(p, UNARY_SPAN, size, chunks, (i) => f(o + 16 * i * size, x + 16 * i * size, Math.min(size, n4 - i * size)), name);
}
