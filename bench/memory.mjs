// Decision 5's target, measured: live device bytes of the MLP training step (mlp-steps.mjs) after
// 10%, 50% and 100% of N steps on WebGPU and on gpu.js (headless-gl), with and without a forced
// collection (node --expose-gc) before each reading, beside the target: parameters + gradients +
// optimizer state (none for plain SGD) + inputs + one step's activations that the loop holds (the
// model's output and the loss). Each reading says whether it meets the target (at most the target
// plus the device's few cached constants). Two loops: "plain", written as in PyTorch, and "tidy",
// the step wrapped in torch.tidy.
//
// N is 10,000 by default (checkpoints at 1k, 5k, 10k); FLAMBEAU_BENCH_MEMORY_STEPS=1000 runs a
// shorter one. The MLP is memory-models.mjs's "small" one (why: see there);
// FLAMBEAU_BENCH_MEMORY_MODEL=full trains the timed benches' MLP instead.
// FLAMBEAU_BENCH_MEMORY_GC=both reads each checkpoint of one run before and after forcing the
// collection (half the runs, for the full MLP's long steps); the default runs each separately. Not a timed test: it
// prints what it measured, and the machine's load while it did.
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { startXvfb } from "@flambeau/test-kit/xvfb-display";
import { MEMORY_MODELS } from "./memory-models.mjs";

const STEPS = Number(process.env.FLAMBEAU_BENCH_MEMORY_STEPS ?? 10_000);
const MODEL = process.env.FLAMBEAU_BENCH_MEMORY_MODEL ?? "small";
const DEVICES = (process.env.FLAMBEAU_BENCH_MEMORY_DEVICES ?? "webgpu,gpujs").split(",");
const GC_MODES = process.env.FLAMBEAU_BENCH_MEMORY_GC === "both" ? ["both"] : ["nogc", "gc"];
/** Bytes of constants a device caches for the step (learning rate, …) that the target leaves out. */
const CONSTANTS = 64;
const here = fileURLToPath(new URL("./memory-loop.mjs", import.meta.url));

function run(device, gc, style) {
  const args = [...(gc === "nogc" ? [] : ["--expose-gc"]), here, device, gc, String(STEPS), style, MODEL];
  const out = execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 24 });
  return out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(", ");

export async function memory() {
  if (!MEMORY_MODELS[MODEL]) throw new Error(`FLAMBEAU_BENCH_MEMORY_MODEL must be one of ${Object.keys(MEMORY_MODELS).join(", ")}`);
  try {
    await import("@flambeau/backend-webgpu");
  } catch {
    execFileSync("pnpm", ["--filter", "@flambeau/backend-webgpu", "--filter", "@flambeau/backend-gpujs", "build"], { stdio: "inherit" });
  }
  const stopXvfb = DEVICES.includes("gpujs") ? await startXvfb() : null;
  const { sizes, batch } = MEMORY_MODELS[MODEL];
  const loadBefore = load();
  const table = [];
  try {
    // The plain loop's readings first, on every device: they are the ones that can miss the target.
    for (const style of ["plain", "tidy"])
      for (const gc of GC_MODES)
        for (const device of DEVICES) {
          console.log(`memory: ${device}, ${style} loop, ${{ gc: "forced GC", nogc: "no forced GC", both: "read before and after a forced GC" }[gc]}, ${STEPS} steps … (load ${load()})`);
          for (const r of run(device, gc, style)) {
            console.log(`  step ${r.step}${r.gc ? " (forced GC)" : ""}: ${r.live} live bytes (at most ${r.maxLive} after a step so far), target ${r.target}, RSS ${(r.rss / 2 ** 20).toFixed(0)} MiB, ${(r.ms / r.step).toFixed(1)} ms/step`);
            table.push({
              device, loop: style, "forced GC": r.gc ? "yes" : "no", step: r.step,
              "live bytes": r.live, target: r.target, "live - target": r.live - r.target,
              "meets target": r.live <= r.target + CONSTANTS ? "yes" : "no",
              "max live so far": r.maxLive,
              "peak bytes": r.peak, "RSS MiB": Math.round(r.rss / 2 ** 20), "ms/step": (r.ms / r.step).toFixed(1),
            });
          }
        }
  } finally {
    stopXvfb?.();
  }
  console.log(`\nLive device bytes of the MLP step, ${sizes.join("-")} at batch ${batch} (${MODEL}), ${STEPS} steps, SGD.`);
  console.log("Target: parameters + gradients + optimizer state + inputs + one step's output and loss;");
  console.log(`met when live <= target + ${CONSTANTS} B of cached constants. Load average (1, 5, 15 min): ${loadBefore} before, ${load()} after.`);
  const order = (r) => `${r.device} ${r.loop} ${r["forced GC"]} ${String(r.step).padStart(6)}`;
  console.table(table.sort((a, b) => (order(a) < order(b) ? -1 : 1)));
  return []; // printed above; no peer to compare with
}
