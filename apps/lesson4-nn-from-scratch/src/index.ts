/**
 * Lesson 4 — neural networks from scratch (a JAX workshop), its linear-regression part, ported
 * to Flambeau. Besides the lesson, the pieces a web page needs for "Optimize model by hand" —
 * the sliders, `plot_model`, `mse` — and the optimisation loop that "lets the computer do it".
 *
 * @packageDocumentation
 */
export {
  lesson,
  SLIDERS,
  make_y,
  mse,
  plot_model,
  linear_model,
  linear_params,
  model_optimization_loop,
  type Lesson4Results,
  type ModelPlot,
  type Slider,
  type Theta,
} from "./lesson.js";
