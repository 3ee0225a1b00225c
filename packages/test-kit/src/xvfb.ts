// Vitest global setup of the tests that need an X display (the "x11" project of vitest.config.ts):
// headless-gl renders through an X server, so when no display is set (CI, a terminal over ssh)
// this starts Xvfb for the run. Without Xvfb installed it does nothing; the gpu.js tests then
// fail and say why (they never skip).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

const XVFB = ["/usr/bin/Xvfb", "/usr/local/bin/Xvfb"].find((p) => existsSync(p));

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.DISPLAY || process.platform !== "linux" || !XVFB) return undefined;
  // -displayfd: Xvfb picks a free display and writes its number on fd 3 once it accepts clients.
  const xvfb: ChildProcess = spawn(XVFB, ["-displayfd", "3", "-screen", "0", "1024x768x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const display = await new Promise<string | null>((resolve) => {
    let text = "";
    const timer = setTimeout(() => resolve(null), 10_000);
    xvfb.stdio[3]!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    xvfb.on("exit", () => resolve(null));
  });
  if (display === null) {
    xvfb.kill();
    return undefined;
  }
  // Test workers are forked after global setup and inherit this.
  process.env.DISPLAY = `:${display}`;
  return () => {
    xvfb.kill();
  };
}
