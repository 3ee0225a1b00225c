/**
 * Lesson 6's "Draw a digit": a canvas to draw on with the mouse, a finger or a pen, and, live as
 * the stroke goes, the trained model's reading of it — the digit it predicts and its probability
 * for each of the ten. The model is the one the lesson just trained, on the device it trained on;
 * the drawing is made to look like an MNIST digit first (`to_mnist`).
 */
import { predict_digit, to_mnist, type Lesson6Results } from "@flambeau/lesson6-digits";
import { el } from "../dom.js";
import type { PageExtension } from "../extension.js";

// The canvas is ten times MNIST's 28 pixels; a stroke about as wide as MNIST's pens.
const SIZE = 280;
const PEN = 20;

/** Lesson 6's page extension. */
export const drawDigit: PageExtension = ({ panel }) => {
  const canvas = el("canvas", { width: SIZE, height: SIZE, className: "digit-canvas" });
  const clear = el("button", { type: "button", className: "clear" }, "Clear");
  const reading = el("p", { className: "digit-prediction", role: "status" }, "The model is training: draw once the lesson has run.");
  const bars = el("ol", { className: "digit-probs", start: 0 });
  const rows = Array.from({ length: 10 }, (_, digit) => {
    const fill = el("span", { className: "bar" });
    const value = el("span", { className: "p" }, "–");
    const row = el("li", {}, el("span", { className: "digit" }, String(digit)), el("span", { className: "track" }, fill), value);
    row.dataset.digit = String(digit);
    bars.append(row);
    return { row, fill, value };
  });
  const section = el(
    "section",
    { className: "draw-digit" },
    el("h2", {}, "Draw a digit"),
    el("p", { className: "hint" }, "Draw a digit in the box: the model the lesson trained reads it as you draw, its probability for each digit beside it."),
    el("div", { className: "draw-row" }, el("div", {}, canvas, el("p", {}, clear)), el("div", {}, reading, bars)),
  );
  panel.append(section);

  const pen = canvas.getContext("2d", { willReadFrequently: true })!;
  let model: Lesson6Results["model"] | null = null;
  let drawn = false;
  let predictions = 0;
  const blank = () => {
    pen.fillStyle = "#fff";
    pen.fillRect(0, 0, SIZE, SIZE);
    drawn = false;
  };
  blank();

  // One reading at a time; strokes made meanwhile are read when it is done.
  let busy = false;
  let again = false;
  async function read(): Promise<void> {
    if (!model || !drawn) return;
    if (busy) return void (again = true);
    busy = true;
    try {
      const { data } = pen.getImageData(0, 0, SIZE, SIZE);
      const ink = new Float32Array(SIZE * SIZE);
      for (let i = 0; i < ink.length; i++) ink[i] = 1 - data[i * 4]! / 255; // dark ink on white paper
      const p = await predict_digit(model, to_mnist(ink, SIZE, SIZE));
      const best = p.indexOf(Math.max(...p));
      reading.textContent = `The model reads: ${best} (${(100 * p[best]!).toFixed(1)}%)`;
      reading.dataset.digit = String(best);
      reading.dataset.predictions = String(++predictions);
      rows.forEach(({ row, fill, value }, d) => {
        row.dataset.p = String(p[d]);
        row.classList.toggle("best", d === best);
        fill.style.width = `${(100 * p[d]!).toFixed(1)}%`;
        value.textContent = `${(100 * p[d]!).toFixed(1)}%`;
      });
    } catch (e) {
      reading.textContent = `Could not read the drawing: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      busy = false;
      if (again) {
        again = false;
        void read();
      }
    }
  }

  let last: [number, number] | null = null;
  const at = (e: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    return [((e.clientX - box.left) * SIZE) / box.width, ((e.clientY - box.top) * SIZE) / box.height];
  };
  canvas.addEventListener("pointerdown", (e) => {
    if (!model) return;
    canvas.setPointerCapture(e.pointerId);
    last = at(e);
    stroke(last, last);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!last) return;
    const next = at(e);
    stroke(last, next);
    last = next;
  });
  const lift = () => {
    last = null;
  };
  canvas.addEventListener("pointerup", lift);
  canvas.addEventListener("pointercancel", lift);
  function stroke(from: [number, number], to: [number, number]): void {
    Object.assign(pen, { strokeStyle: "#000", lineWidth: PEN, lineCap: "round", lineJoin: "round" });
    pen.beginPath();
    pen.moveTo(...from);
    pen.lineTo(...to);
    pen.stroke();
    drawn = true;
    void read();
  }

  const forget = (text: string) => {
    reading.textContent = text;
    delete reading.dataset.digit;
    for (const { row, fill, value } of rows) {
      delete row.dataset.p;
      row.classList.remove("best");
      fill.style.width = "0";
      value.textContent = "–";
    }
  };
  clear.addEventListener("click", () => {
    blank();
    forget(model ? "Draw a digit in the box." : "The model is training: draw once the lesson has run.");
  });

  return {
    beforeRun: () => {
      model = null;
      section.dataset.ready = "false";
      canvas.classList.remove("ready");
      forget("The model is training: draw once the lesson has run.");
    },
    afterRun: async ({ results }) => {
      model = (results as Lesson6Results).model;
      section.dataset.ready = "true";
      canvas.classList.add("ready");
      forget("Draw a digit in the box.");
      await read(); // a drawing kept from before is read by the new model
    },
  };
};
