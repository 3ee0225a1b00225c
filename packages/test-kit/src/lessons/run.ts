// Running a lesson in a test: quietly (nothing on the terminal), into a fresh temporary folder.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lesson } from "@flambeau/lesson-kit";
import { runInNode, type NodeRunOptions, type NodeRunResult } from "@flambeau/lesson-kit/node";

/** A quiet run of `lesson` in a new temporary folder; `dir` is the lesson's own folder there. */
export async function runQuietly<R>(lesson: Lesson<R>, options: NodeRunOptions = {}): Promise<NodeRunResult<R> & { dir: string }> {
  const outDir = mkdtempSync(join(tmpdir(), `${lesson.slug}-`));
  const run = await runInNode(lesson, { outDir, stdout: null, stderr: null, ...options });
  return { ...run, dir: join(outDir, lesson.slug) };
}
