/**
 * The command line of `pnpm demo` and of each lesson app:
 * `[lesson numbers…] [--device cpu|webgpu|gpujs|gpu] [--seed N] [--lesson-values] [--epochs N] [--out DIR]`.
 */
import type { Lesson, LessonOptions } from "../lesson.js";
import { isDeviceRequest, probeDevice, type DeviceName, type DeviceRequest } from "../device.js";
import { runInNode } from "./run.js";

/** The parsed command line. */
export interface CliArgs {
  /** Lesson ids to run, in order; empty for all. */
  lessons: number[];
  device?: DeviceRequest;
  outDir: string;
  options: LessonOptions;
  help: boolean;
}

/** The usage text. */
export function usage(program: string): string {
  return [
    `usage: ${program} [N…] [--device cpu|webgpu|gpujs|gpu] [--seed N] [--lesson-values] [--epochs N] [--out DIR]`,
    "",
    "  N                 run only these lessons (1–6); default: all",
    "  --device D        run on D: cpu, webgpu, gpujs, or gpu (the best GPU there is);",
    "                    default: the CPU, with lesson 5's GPU part on the best GPU there is",
    "  --seed N          seed every lesson's random numbers with N instead of its own seed",
    "  --lesson-values   lesson 2 starts from the weights the lesson printed (exact numbers)",
    "  --epochs N        lesson 6 trains N epochs instead of its 4",
    "  --out DIR         write figures and models under DIR/<lesson>/ (default: out)",
  ].join("\n");
}

/** Parses `argv` (without node and the script); throws a usage error on anything unknown. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { lessons: [], outDir: "out", options: {}, help: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s) as [string, string?];
    const next = () => inline ?? value(++i, flag);
    if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--device") {
      const d = next();
      if (!isDeviceRequest(d)) throw new Error(`--device must be cpu, webgpu, gpujs or gpu, got '${d}'`);
      args.device = d;
    } else if (flag === "--seed") {
      const s = Number(next());
      if (!Number.isInteger(s) || s < 0) throw new Error(`--seed must be a non-negative integer`);
      args.options.seed = s;
    } else if (flag === "--epochs") {
      const e = Number(next());
      if (!Number.isInteger(e) || e < 1) throw new Error(`--epochs must be a positive integer`);
      args.options.epochs = e;
    } else if (flag === "--lesson-values") args.options.startFromLessonValues = true;
    else if (flag === "--out") args.outDir = next();
    else if (/^\d+$/.test(flag)) args.lessons.push(Number(flag));
    else throw new Error(`unknown argument '${argv[i]}'`);
  }
  return args;
}

/**
 * Runs the lessons the command line asks for, one after another, printing what each prints and
 * where its figures went. Resolves to the process exit code.
 */
export async function main(lessons: readonly Lesson<unknown>[], argv: readonly string[], program = "demo"): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${usage(program)}`);
    return 2;
  }
  if (args.help) {
    console.log(usage(program));
    return 0;
  }
  const chosen = args.lessons.length ? args.lessons.map((n) => lessons.find((l) => l.id === n)) : [...lessons];
  const missing = args.lessons.filter((n, k) => !chosen[k]);
  if (missing.length) {
    console.error(`no lesson ${missing.join(", ")}: choose from ${lessons.map((l) => l.id).join(", ")}`);
    return 2;
  }
  const start = performance.now();
  for (const lesson of chosen as Lesson<unknown>[]) {
    console.log(`\n━━ Lesson ${lesson.id}: ${lesson.title} (${lesson.source.file ?? lesson.source.title}) ━━\n`);
    const run = await runInNode(lesson, {
      outDir: args.outDir,
      options: args.options,
      ...(args.device ? { device: args.device } : {}),
    });
    const gpu = run.accelerator.type !== run.device.type ? `, GPU part on ${run.accelerator}` : "";
    console.log(`\n(lesson ${lesson.id} on ${run.device}${gpu}: ${run.seconds.toFixed(1)} s, ${run.files.length} files in ${args.outDir}/${lesson.slug}/)`);
    const note = await softwareNote(run.accelerator.type as DeviceName);
    if (note) console.log(note);
  }
  console.log(`\n${chosen.length} lesson${chosen.length === 1 ? "" : "s"} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return 0;
}

/** A line saying that `device` is a software rasteriser (the probe has run already), or null. */
async function softwareNote(device: DeviceName): Promise<string | null> {
  if (device === "cpu") return null;
  const { software } = await probeDevice(device);
  return software ? `(note: '${device}' here is a software rasteriser, ${software}: it runs on the CPU, slower than a GPU)` : null;
}
