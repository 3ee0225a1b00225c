/**
 * A digit drawn by hand (on a page's canvas), made to look like an MNIST digit, and the
 * trained model's reading of it. MNIST's digits were prepared this way: the ink's bounding box
 * scaled to fit 20×20 pixels, keeping its shape, then placed in the 28×28 image so that its
 * centre of mass is the image's centre. A model trained on MNIST reads a drawing well only
 * after the same treatment.
 */
import * as torch from "flambeau";
import { MNIST_MEAN, MNIST_STD, type Net } from "./lesson.js";
import { SIDE } from "./mnist.js";

const BOX = 20;
// Ink fainter than this is the paper's noise, not part of the digit's box.
const FAINT = 0.05;

/**
 * The 28×28 MNIST image (784 values in [0, 1], row by row) of a drawing given as `ink`
 * (`width × height` values in [0, 1], 1 the darkest stroke). All zeros when nothing is drawn.
 *
 * @example
 * ```ts
 * const pixels = to_mnist(inkOf(canvas), canvas.width, canvas.height);
 * ```
 */
export function to_mnist(ink: ArrayLike<number>, width: number, height: number): Float32Array {
  if (ink.length !== width * height) throw new Error(`to_mnist: ${ink.length} ink values for a ${width}×${height} drawing`);
  const out = new Float32Array(SIDE * SIDE);
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]! > FAINT) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  if (x1 < 0) return out;

  // The box, scaled so its longer side is 20 pixels: each small pixel averages the ink it covers.
  const [bw, bh] = [x1 - x0 + 1, y1 - y0 + 1];
  const scale = BOX / Math.max(bw, bh);
  const [sw, sh] = [Math.max(1, Math.round(bw * scale)), Math.max(1, Math.round(bh * scale))];
  const small = new Float32Array(sw * sh);
  for (let sy = 0; sy < sh; sy++)
    for (let sx = 0; sx < sw; sx++) {
      const [ax, bx] = [x0 + Math.floor((sx * bw) / sw), x0 + Math.max(Math.floor(((sx + 1) * bw) / sw), Math.floor((sx * bw) / sw) + 1)];
      const [ay, by] = [y0 + Math.floor((sy * bh) / sh), y0 + Math.max(Math.floor(((sy + 1) * bh) / sh), Math.floor((sy * bh) / sh) + 1)];
      let sum = 0;
      for (let y = ay; y < by; y++) for (let x = ax; x < bx; x++) sum += ink[y * width + x]!;
      small[sy * sw + sx] = Math.min(1, sum / ((bx - ax) * (by - ay)));
    }

  // Placed so that the centre of mass lands on the image's centre (within the image).
  let [mass, mx, my] = [0, 0, 0];
  for (let y = 0; y < sh; y++)
    for (let x = 0; x < sw; x++) {
      const v = small[y * sw + x]!;
      [mass, mx, my] = [mass + v, mx + v * x, my + v * y];
    }
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const left = clamp(Math.round(SIDE / 2 - 0.5 - mx / mass), SIDE - sw);
  const top = clamp(Math.round(SIDE / 2 - 0.5 - my / mass), SIDE - sh);
  for (let y = 0; y < sh; y++) for (let x = 0; x < sw; x++) out[(top + y) * SIDE + left + x] = small[y * sw + x]!;
  return out;
}

/**
 * The model's probability for each digit 0…9 of a 28×28 image (`to_mnist`'s output), on the
 * device the model lives on: its logits through a softmax, under `torch.no_grad()`.
 *
 * @example
 * ```ts
 * const probabilities = await predict_digit(model, to_mnist(ink, 280, 280));
 * const digit = probabilities.indexOf(Math.max(...probabilities));
 * ```
 */
export async function predict_digit(model: Net, pixels: Float32Array): Promise<number[]> {
  if (pixels.length !== SIDE * SIDE) throw new Error(`predict_digit: expected ${SIDE * SIDE} pixels (28×28), got ${pixels.length}`);
  const device = model.fc.weight.device;
  const probabilities = torch.no_grad(() => {
    model.eval();
    const x = torch.tensor(pixels, { device }).reshape(1, 1, SIDE, SIDE).sub(MNIST_MEAN).div(MNIST_STD);
    return torch.nn.functional.softmax(model(x), 1);
  });
  return Array.from(await probabilities.data());
}
