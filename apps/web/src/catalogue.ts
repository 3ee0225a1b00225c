/**
 * The six lessons of the site, in the order of shared/lessons/README.md and then lesson 6 (written
 * for Flambeau): each app's `lesson`, its source (the lesson's cells are its comments) and what
 * its page adds.
 */
import type { Lesson, LessonOptions } from "@flambeau/lesson-kit";
import { lesson as lesson1 } from "@flambeau/lesson1-movie-revenue";
import { lesson as lesson2 } from "@flambeau/lesson2-crop-yields";
import { lesson as lesson3 } from "@flambeau/lesson3-simple-regression";
import { lesson as lesson4 } from "@flambeau/lesson4-nn-from-scratch";
import { lesson as lesson5 } from "@flambeau/lesson5-linear-regression-gpu";
import { lesson as lesson6 } from "@flambeau/lesson6-digits";
import source1 from "../../lesson1-movie-revenue/src/lesson.ts?raw";
import source2 from "../../lesson2-crop-yields/src/lesson.ts?raw";
import source3 from "../../lesson3-simple-regression/src/lesson.ts?raw";
import source4 from "../../lesson4-nn-from-scratch/src/lesson.ts?raw";
import source5 from "../../lesson5-linear-regression-gpu/src/lesson.ts?raw";
import source6 from "../../lesson6-digits/src/lesson.ts?raw";
import type { PageExtension } from "./extension.js";
import { byHand } from "./lesson4/by-hand.js";
import { modelFile } from "./lesson5/model-file.js";
import { drawDigit } from "./lesson6/draw-digit.js";

/** A lesson option the page offers as a checkbox. */
export interface Toggle {
  option: Exclude<keyof LessonOptions, "seed">;
  label: string;
}

/** One lesson of the site. */
export interface LessonEntry {
  lesson: Lesson<unknown>;
  /** The port's TypeScript source, and its path in the repository. */
  source: string;
  path: string;
  toggles?: readonly Toggle[];
  /** What the page adds for this lesson (sliders, a file input). */
  extension?: PageExtension;
}

const entry = (lesson: Lesson<unknown>, source: string, more: Partial<LessonEntry> = {}): LessonEntry => ({
  lesson,
  source,
  path: `apps/${lesson.slug}/src/lesson.ts`,
  ...more,
});

/** Every lesson, lesson 1 first. */
export const CATALOGUE: readonly LessonEntry[] = [
  entry(lesson1, source1),
  entry(lesson2, source2, {
    toggles: [{ option: "startFromLessonValues", label: "start from the w and b the lesson printed (its exact numbers)" }],
  }),
  entry(lesson3, source3),
  entry(lesson4, source4, { extension: byHand }),
  entry(lesson5, source5, { extension: modelFile }),
  entry(lesson6, source6, { extension: drawDigit }),
];
