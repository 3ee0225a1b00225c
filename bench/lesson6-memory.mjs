// Where lesson 6's memory goes on a GPU device, step by step: its own training loop (the lesson's
// code, seeded, one epoch of STEPS steps through LessonOptions.stepsPerEpoch) sampled every EVERY
// steps through the progress hook, which the loop awaits each step. Each sample: the process's
// RSS, V8's heap and the bytes outside it (external, ArrayBuffers), live tensors and their bytes
// (torch.memory()), and on gpu.js the textures alive in the GL context (textureStats(): what
// gpu.js and the pool hold, not only tensors) and the kernels compiled. A growing RSS with all of
// these flat is memory held below JavaScript: the GL driver or the C allocator.
//
//   taskset -c 1 nice -n 10 xvfb-run -a node [--expose-gc] bench/lesson6-memory.mjs [device] [steps] [every]
//
// With --expose-gc each sample follows a full collection (and the finalizers it queued).
// (default gpujs 300 25). Not part of `pnpm bench`: a run of a few hundred steps takes minutes on
// software drivers; docs/design.md ("Lesson 6 on the GPUs") gives the figures and how they were
// taken. Build first (`pnpm turbo run build --filter=@flambeau/lesson6-digits...`).
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import * as torch from "flambeau";
import { runInNode } from "../apps/lesson-kit/dist/node/index.js";
import { lesson } from "../apps/lesson6-digits/dist/index.js";
import * as internal from "../packages/tensor/dist/internal.js";

const device = process.argv[2] ?? "gpujs";
const steps = Number(process.argv[3] ?? 300);
const every = Number(process.argv[4] ?? 25);
const MB = 2 ** 20;

const gpujs = device === "gpujs" ? await import("@flambeau/backend-gpujs") : undefined;

/** Resident memory of this process, and how much of it is anonymous (heaps) vs file-backed. */
function resident() {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) / 1024;
  return { rss: kb("VmRSS"), anon: kb("RssAnon"), hwm: kb("VmHWM") };
}

const rows = [];
function sample(step) {
  const m = process.memoryUsage();
  const r = resident();
  const live = torch.memory()[device] ?? { tensors: 0, bytes: 0 };
  const t = gpujs?.textureStats();
  const row = {
    step,
    "rss MB": r.rss.toFixed(0),
    "anon MB": r.anon.toFixed(0),
    "heap MB": (m.heapUsed / MB).toFixed(1),
    "external MB": (m.external / MB).toFixed(1),
    "arrayBuffers MB": (m.arrayBuffers / MB).toFixed(1),
    tensors: live.tensors,
    "tensor MB": (live.bytes / MB).toFixed(2),
    ...(t
      ? {
          textures: t.textures,
          "texture MB": (t.bytes / MB).toFixed(1),
          pooled: t.pooled,
          "pooled MB": (t.pooledBytes / MB).toFixed(1),
          compiled: gpujs.kernelStats().compiled,
        }
      : {}),
    // Collections the tensor layer forced for device memory (collector.ts), and their time.
    ...(internal.forcedCollections ? { forced: internal.forcedCollections().count, "forced ms": internal.forcedCollections().ms.toFixed(0) } : {}),
    load: loadavg()[0].toFixed(1),
    s: ((performance.now() - start) / 1000).toFixed(0),
  };
  rows.push(row);
  console.error(JSON.stringify(row));
}

const start = performance.now();
let step = 0;
const progress = () => ({
  tick: async () => {
    if (++step % every !== 0) return;
    // With --expose-gc: a full collection first, and a turn of the event loop for the finalizers
    // it queued, so the sample shows what is left once garbage is gone.
    if (globalThis.gc) {
      globalThis.gc();
      await new Promise((r) => setImmediate(r));
    }
    sample(step);
  },
  done: () => {},
});
sample(0);
await runInNode(lesson, { device, options: { epochs: 1, stepsPerEpoch: steps }, stdout: null, stderr: null, progress, outDir: "/tmp/flambeau-lesson6-memory" });
sample("after test");
console.log(`lesson 6 on ${device}, ${steps} steps (${globalThis.gc ? "forced GC before each sample, " : ""}MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "-"}, MALLOC_MMAP_THRESHOLD_=${process.env.MALLOC_MMAP_THRESHOLD_ ?? "-"})`);
console.table(rows);
process.exit(0);
