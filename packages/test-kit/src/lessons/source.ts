// A lesson's port as its app ships it (apps/<slug>/src/lesson.ts), found through the workspace's
// package map rather than a path into another package.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { workspaceSources } from "../workspace.js";

/** The text of lesson `slug`'s `lesson.ts` (e.g. `lessonSource("lesson4-nn-from-scratch")`). */
export function lessonSource(slug: string): string {
  const index = workspaceSources().get(`@flambeau/${slug}`);
  if (index === undefined) throw new Error(`no workspace package @flambeau/${slug}`);
  return readFileSync(join(dirname(index), "lesson.ts"), "utf8");
}
