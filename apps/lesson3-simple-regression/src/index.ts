/**
 * Lesson 3 — simple linear regression in code (a lecture transcript), ported to Flambeau.
 *
 * @packageDocumentation
 */
export { lesson, type Lesson3Results } from "./lesson.js";
