/**
 * The PyTorch fixtures: `fixtures/*.json` at the repository's root, written by
 * `scripts/make_fixtures.py` with real PyTorch and committed, so tests need no Python. In a
 * browser page bundled by `@flambeau/test-kit/browser` the same read is answered from the
 * fixtures embedded in the bundle.
 */
import { readFileSync } from "node:fs";

/** `fixtures/<name>`, parsed: a fresh object each call, so a test may change what it reads. */
export function readFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), "utf8")) as T;
}
