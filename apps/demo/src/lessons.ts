/**
 * The six lesson apps: the five of `shared/lessons/README.md` in its order, then lesson 6
 * (handwritten digits), written for Flambeau.
 *
 * @packageDocumentation
 */
import type { Lesson } from "@flambeau/lesson-kit";
import { lesson as lesson1 } from "@flambeau/lesson1-movie-revenue";
import { lesson as lesson2 } from "@flambeau/lesson2-crop-yields";
import { lesson as lesson3 } from "@flambeau/lesson3-simple-regression";
import { lesson as lesson4 } from "@flambeau/lesson4-nn-from-scratch";
import { lesson as lesson5 } from "@flambeau/lesson5-linear-regression-gpu";
import { lesson as lesson6 } from "@flambeau/lesson6-digits";

/** Every lesson, lesson 1 first. */
export const LESSONS: readonly Lesson<unknown>[] = [lesson1, lesson2, lesson3, lesson4, lesson5, lesson6];
