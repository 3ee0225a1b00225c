/** One of lesson 4's sliders: a range input with its value beside it. */
import type { Slider } from "@flambeau/lesson4-nn-from-scratch";
import { el } from "../dom.js";

/** A labelled slider. */
export interface SliderRow {
  label: HTMLLabelElement;
  input: HTMLInputElement;
  /** The slider's value, or the value last shown (which may lie between its steps). */
  readonly value: number;
  /** Shows `v` (gradient descent's parameter): the slider moves to the nearest step. */
  show(v: number): void;
}

/**
 * An `<input type="range" name=…>` as the lesson's ipywidgets `FloatSlider` (`spec`).
 *
 * @example
 * ```ts
 * const w = sliderRow("w", SLIDERS.w); form.append(w.label);
 * ```
 */
export function sliderRow(name: string, spec: Slider): SliderRow {
  const input = el("input", { type: "range", name, min: String(spec.min), max: String(spec.max), step: String(spec.step), value: String(spec.value) });
  const readout = el("output", { className: "readout" });
  let value = spec.value;
  const show = (v: number) => {
    value = v;
    // On a step, the step's one decimal; between steps (gradient descent), four.
    readout.textContent = Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? v.toFixed(1) : v.toFixed(4);
  };
  input.addEventListener("input", () => show(Number(input.value)));
  show(spec.value);
  return {
    label: el("label", { className: "slider" }, el("span", { className: "name" }, name), input, readout),
    input,
    get value() {
      return value;
    },
    show(v: number) {
      input.value = String(v);
      show(v);
    },
  };
}
