// Finding the browser the test drives. A missing browser fails the test (it is installed by
// .ci/run), so a machine without it never passes by skipping.
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** The Chromium executable: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path))
    throw new Error(
      `Chromium is not installed at ${path}: the browser test needs it. Install it with ` +
        "'apt-get update && apt-get install -y chromium' (Debian), or set CHROMIUM_PATH to a Chromium executable.",
    );
  return path;
}
