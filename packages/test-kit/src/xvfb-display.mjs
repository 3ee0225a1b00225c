// Starting an X server for headless-gl (gpu.js in Node), shared by the tests' global setup
// (xvfb.ts) and the benchmarks (bench/memory.mjs): plain JavaScript so that `node` runs it
// without a build. Uses the display already set when there is one.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const XVFB = ["/usr/bin/Xvfb", "/usr/local/bin/Xvfb"].find((p) => existsSync(p));

/**
 * Start Xvfb on a free display and set `process.env.DISPLAY` (children inherit it), unless a
 * display is set already, this is not Linux, or Xvfb is not installed: then returns null.
 * Otherwise returns a function that stops the server.
 *
 * @returns {Promise<(() => void) | null>}
 */
export async function startXvfb() {
  if (process.env.DISPLAY || process.platform !== "linux" || !XVFB) return null;
  // -displayfd: Xvfb picks a free display and writes its number on fd 3 once it accepts clients.
  const xvfb = spawn(XVFB, ["-displayfd", "3", "-screen", "0", "1024x768x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const display = await new Promise((resolve) => {
    let text = "";
    const timer = setTimeout(() => resolve(null), 10_000);
    xvfb.stdio[3].on("data", (chunk) => {
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
    return null;
  }
  process.env.DISPLAY = `:${display}`;
  return () => {
    xvfb.kill();
  };
}
