// Decision 5's target, measured: live device bytes of the MLP training step (mlp-steps.mjs) after
// 10%, 50% and 100% of N steps on WebGPU and on gpu.js (headless-gl), with and without a forced
// collection (node --expose-gc) before each reading, beside the expected figure: parameters +
// gradients + optimizer state (none for plain SGD) + inputs + the one step's output and loss the
// loop still holds. The difference is the device's cached constants (a few bytes). Two loops:
// "plain", written as in PyTorch, and "tidy", the step wrapped in torch.tidy.
//
// N is 10,000 by default (checkpoints at 1k, 5k, 10k); on software drivers that takes long, so
// FLAMBEAU_BENCH_MEMORY_STEPS=1000 pnpm bench memory runs a shorter one. Not a timed test: it
// prints what it measured.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const STEPS = Number(process.env.FLAMBEAU_BENCH_MEMORY_STEPS ?? 10_000);
const here = fileURLToPath(new URL("./memory-loop.mjs", import.meta.url));

/** headless-gl needs an X display: start Xvfb when there is none (as the gpu.js tests do). */
async function display() {
  if (process.env.DISPLAY || !existsSync("/usr/bin/Xvfb")) return null;
  const xvfb = spawn("/usr/bin/Xvfb", ["-displayfd", "3", "-screen", "0", "1024x768x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const number = await new Promise((resolve) => {
    let text = "";
    xvfb.stdio[3].on("data", (c) => {
      text += c;
      if (text.includes("\n")) resolve(text.trim());
    });
    xvfb.on("exit", () => resolve(null));
  });
  if (number !== null) process.env.DISPLAY = `:${number}`;
  return xvfb;
}

function run(device, gc, style) {
  const args = [...(gc === "gc" ? ["--expose-gc"] : []), here, device, gc, String(STEPS), style];
  const out = execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 24 });
  return out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
}

export async function memory() {
  try {
    await import("@flambeau/backend-webgpu");
  } catch {
    execFileSync("pnpm", ["--filter", "@flambeau/backend-webgpu", "--filter", "@flambeau/backend-gpujs", "build"], { stdio: "inherit" });
  }
  const xvfb = await display();
  const table = [];
  try {
    for (const device of ["webgpu", "gpujs"])
      for (const style of ["plain", "tidy"])
        for (const gc of ["nogc", "gc"]) {
          console.log(`memory: ${device}, ${style} loop, ${gc === "gc" ? "forced GC" : "no forced GC"}, ${STEPS} steps …`);
          for (const r of run(device, gc, style))
            table.push({
              device, loop: style, "forced GC": gc === "gc" ? "yes" : "no", step: r.step,
              "live bytes": r.live, expected: r.expected, "live - expected": r.live - r.expected,
              "peak bytes": r.peak, "ms/step": (r.ms / r.step).toFixed(1),
            });
        }
  } finally {
    xvfb?.kill();
  }
  console.log(`\nLive device bytes of the MLP step (${STEPS} steps; expected = params + grads + optimizer state + inputs + the step's held output/loss)`);
  console.table(table);
  return []; // printed above; no peer to compare with
}
