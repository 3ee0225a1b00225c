/**
 * Lesson 5 — linear regression with PyTorch, on the CPU and on a GPU, ported to Flambeau.
 *
 * @packageDocumentation
 */
export { lesson, LinearRegressionModel, type Lesson5Results } from "./lesson.js";
