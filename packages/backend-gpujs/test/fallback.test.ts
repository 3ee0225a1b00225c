// Without a GPU context gpu.js silently runs kernels on the CPU (webasm or plain JS). The
// device still computes correctly, but mode() says so and a warning names the reason.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundle } from "@flambeau/test-kit/browser";
import { describe, expect, it } from "vitest";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe("gpujs without a display", () => {
  it("falls back to a CPU backend, says so, and still computes correctly", async () => {
    mkdirSync(here("./out"), { recursive: true });
    const script = here("./out/fallback.mjs");
    // Written next to this package, so Node resolves gpu.js (left external) from it.
    writeFileSync(script, await bundle(here("./fallback/entry.ts"), { platform: "node", external: ["gpu.js"] }));
    const env = { ...process.env };
    delete env.DISPLAY;
    const run = spawnSync(process.execPath, [script], { env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split("\n").pop()!) as { mode: string; reason: string; y: number[]; rowMax: number[]; ints: number[] };
    expect(["webasm", "cpu"]).toContain(out.mode);
    expect(out.reason).toMatch(/DISPLAY|xvfb/);
    expect(out.y).toEqual([5.5, 10, 11.5, 24]);
    expect(out.rowMax).toEqual([10, 24]);
    expect(out.ints).toEqual([1, 2]);
    expect(run.stderr).toMatch(/'gpujs' device is running on gpu\.js's '(webasm|cpu)' CPU fallback, not on a GPU: headless-gl needs an X display/);
  }, 60_000);
});
