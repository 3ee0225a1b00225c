/**
 * Lesson 1 — from linear regression to deep learning (movie budget → revenue), ported to
 * Flambeau.
 *
 * @packageDocumentation
 */
export { lesson, type Lesson1Results } from "./lesson.js";
