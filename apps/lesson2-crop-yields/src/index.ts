/**
 * Lesson 2 — gradient descent and linear regression with PyTorch (crop yields), ported to
 * Flambeau.
 *
 * @packageDocumentation
 */
export { lesson, LESSON_W, LESSON_B, type Lesson2Results } from "./lesson.js";
