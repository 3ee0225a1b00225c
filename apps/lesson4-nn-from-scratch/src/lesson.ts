// #region setup: the port's header and imports
/**
 * Lesson 4, `003_b49532eae6f4e032.txt` — "Neural Networks from Scratch" (Eric Ma's deep learning
 * workshop, in JAX), its linear regression part. `jax.numpy` becomes tensor ops, `numpy.random`
 * becomes `torch.np.random` (the same stream), `jax.grad` becomes `torch.func.grad`.
 *
 * The lesson's functions are defined first, in the lesson's order, and exported: a web page uses
 * `SLIDERS` and `plot_model` for "Optimize model by hand" and `model_optimization_loop` to let
 * gradient descent finish the job. `run` then executes the lesson's cells in order.
 */
import * as torch from "flambeau";
import { Figure, pyplot as plt } from "@flambeau/plotting";
import type { Lesson, LessonContext, Progress } from "@flambeau/lesson-kit";
// #endregion

type Tensor = torch.Tensor;
const npr = torch.np.random;

// ### Exercise: Simulate Data — `from dl_workshop.answers import x, w_true, b_true, noise`, the
// workshop's answers written out (JAX arrays are float32, as these tensors are):
/** `x = np.linspace(-5, 5, 100)` */
const linspace_x = () => torch.linspace(-5, 5, 100);
/** The ground truth: `w_true = 2`, `b_true = 20`. */
const w_true = 2;
const b_true = 20;
/** `noise(n) = npr.normal(size=(n))` */
const noise = (n: number): Tensor => torch.tensor(npr.normal(0, 1, n), { dtype: torch.float32 });

/** `make_y(x, w, b)`: the linear equation plus noise. */
export function make_y(x: Tensor, w: number, b: number): Tensor {
  return x.mul(w).add(b).add(noise(x.numel()));
}

// ### Exercise: Mean Squared Error
/** `mse(y_true, y_pred)`: the mean of the squared errors (`np.mean(np.power(y_true - y_pred, 2))`). */
export function mse(y_true: Tensor, y_pred: Tensor): Tensor {
  return torch.mean(torch.pow(y_true.sub(y_pred), 2));
}

// ### Activity: Optimize model by hand.
/** One ipywidgets `FloatSlider`: its start, its range, its step (FloatSlider's default 0.1). */
export interface Slider {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** `@interact(w=FloatSlider(value=0, min=-10, max=10), b=FloatSlider(value=0, min=-10, max=30))` */
export const SLIDERS: { readonly w: Slider; readonly b: Slider } = {
  w: { value: 0, min: -10, max: 10, step: 0.1 },
  b: { value: 0, min: -10, max: 30, step: 0.1 },
};

/** What {@link plot_model} draws: a new figure, its title and the MSE in it. */
export interface ModelPlot {
  figure: Figure;
  title: string;
  mse: number;
}

/**
 * `plot_model(w, b)`: the data, the line `w * x + b` and its MSE in the title. It draws on a new
 * figure every call (no pyplot state), so a page's sliders can call it on every move.
 */
export async function plot_model(x: Tensor, y: Tensor, w: number, b: number): Promise<ModelPlot> {
  const y_est = x.mul(w).add(b);
  const figure = new Figure();
  const ax = figure.gca();
  ax.scatter(x, y);
  ax.plot(x, y_est);
  const value = await mse(y, y_est).item();
  const title = `MSE: ${value.toFixed(2)}`;
  ax.set_title(title);
  return { figure, title, mse: value };
}

// ## Loss Minimization: let the computer do it (the workshop's next notebook, "Back to Optimizing
// Linear Regression", with dl_workshop.answers' linear_model, mseloss and model_optimization_loop)

/** The parameters θ of the linear model. */
export interface Theta {
  w: Tensor;
  b: Tensor;
}

/** `linear_model(theta, x)`: `w * x + b`. */
export function linear_model(theta: Theta, x: Tensor): Tensor {
  const w = theta.w;
  const b = theta.b;
  return w.mul(x).add(b);
}

/**
 * θ from two numbers, as the workshop's dict of Python floats: float32 tensors (JAX's dtype for a
 * float), on `device` (default: the default device). A whole number such as a slider's 0 must not make an int32 tensor, which
 * `torch.func.grad`, like `jax.grad`, refuses to differentiate.
 *
 * @example
 * ```ts
 * const [losses, theta] = await model_optimization_loop(linear_params(0, 0, x.device), x, y);
 * ```
 */
export function linear_params(w: number, b: number, device?: torch.DeviceLike): Theta {
  const options: torch.TensorOptions = { dtype: torch.float32, ...(device !== undefined ? { device } : {}) };
  return { w: torch.tensor(w, options), b: torch.tensor(b, options) };
}

/** `initialize_linear_params()`: random starting points from NumPy's normal distribution. */
function initialize_linear_params(): Theta {
  return linear_params(npr.normal(), npr.normal());
}

/**
 * `mseloss(theta, model, x, y)`, differentiable w.r.t. θ. `jax.grad` differentiates a dict;
 * `torch.func.grad` differentiates tensor arguments, so θ's `w` and `b` come first and the
 * gradient is asked of both (`argnums = [0, 1]`). The model is the linear model.
 */
const mseloss = (w: Tensor, b: Tensor, x: Tensor, y: Tensor): Tensor => {
  const y_est = linear_model({ w, b }, x);
  return mse(y, y_est);
};

/** `dmseloss = grad(mseloss)`: the same arguments, the gradients `[dw, db]` back. */
const dmseloss = torch.func.grad(mseloss, [0, 1]);

/**
 * `model_optimization_loop(theta, model, loss, x, y, n_steps=3000, step_size=0.001)`: plain
 * gradient descent with {@link dmseloss}, the loss of every step recorded. `progress` stands for
 * the workshop's `tqdm`; `onStep` lets a page redraw the line as it moves.
 */
export async function model_optimization_loop(
  theta: Theta,
  x: Tensor,
  y: Tensor,
  n_steps = 3000,
  step_size = 0.001,
  progress?: Progress,
  onStep?: (theta: Theta, step: number) => void | Promise<void>,
): Promise<[number[], Theta]> {
  const losses: number[] = [];
  for (let i = 0; i < n_steps; i++) {
    const [dw, db] = dmseloss(theta.w, theta.b, x, y);
    const grads: Theta = { w: dw!, b: db! };
    for (const name of ["w", "b"] as const) theta[name] = theta[name].sub(grads[name].mul(step_size));
    const loss = mseloss(theta.w, theta.b, x, y);
    losses.push(await loss.item());
    await progress?.tick(loss);
    await onStep?.(theta, i);
  }
  progress?.done();
  return [losses, theta];
}

// #region setup: the results the tests check, the seed, the lesson's name and source, its entry point
/** What lesson 4 computes: the tests assert these. */
export interface Lesson4Results {
  /** The simulated data (`x`, `y = make_y(x, w_true, b_true)`), as tensors for {@link plot_model}. */
  data: { x: Tensor; y: Tensor };
  /** The bad guess `w = -5`, `b = 3` and its MSE. */
  bad_guess: { w: number; b: number; mse: number };
  /** "Optimize model by hand": the titles at the sliders' start and at a good hand-picked guess. */
  by_hand: { w: number; b: number; title: string }[];
  /** `dmseloss(dict(w=0.3, b=0.5), linear_model, x, y)`. */
  gradient_example: { w: number; b: number };
  /** The loss of every optimisation step, and the parameters found. */
  losses: number[];
  theta: { w: number; b: number };
  /** The ground truth they should recover. */
  truth: { w: number; b: number };
}

/** The workshop draws its noise unseeded; this seed makes every run the same. */
const DEFAULT_SEED = 0;

/** Lesson 4: neural networks from scratch, the linear part. */
export const lesson: Lesson<Lesson4Results> = {
  id: 4,
  slug: "lesson4-nn-from-scratch",
  title: "Neural networks from scratch (JAX workshop): linear regression",
  source: {
    file: "003_b49532eae6f4e032.txt",
    title: "Neural Networks from Scratch",
    url: "https://github.com/ericmjl/dl-workshop",
  },
  run,
};

async function run(ctx: LessonContext): Promise<Lesson4Results> {
  const { print } = ctx;
  npr.seed(ctx.options.seed ?? DEFAULT_SEED);
  // #endregion

  // ### Exercise: Simulate Data
  const x = linspace_x();
  const y = make_y(x, w_true, b_true);
  // Plot ground truth data
  plt.scatter(x, y);
  plt.xlabel("x");
  plt.ylabel("y");
  await ctx.figure("ground-truth");

  // ### Exercise: Take bad guesses
  // Plot a very bad estimate
  const w = -5; // exercise: fill in a bad value for w
  const b = 3; // exercise: fill in a bad value for b
  const y_est = x.mul(w).add(b); // exercise: fill in the equation.
  plt.plot(x, y_est, { color: "red", label: "bad model" });
  plt.scatter(x, y, { label: "data" });
  plt.xlabel("x");
  plt.ylabel("y");
  plt.legend();
  await ctx.figure("bad-model");

  // ### Exercise: Mean Squared Error
  // Calculate the mean squared error between
  const bad_mse = mse(y, y_est);
  print(bad_mse);

  // ### Activity: Optimize model by hand. In a browser the sliders redraw this; here, the
  // sliders' starting place and a good guess a person might reach by hand.
  const by_hand: Lesson4Results["by_hand"] = [];
  for (const [name, [w_hand, b_hand]] of [["optimize-by-hand", [SLIDERS.w.value, SLIDERS.b.value]], ["optimize-by-hand-good-guess", [2, 20]]] as const) {
    const drawn = await plot_model(x, y, w_hand, b_hand);
    print(`w = ${w_hand}, b = ${b_hand}: ${drawn.title}`);
    await ctx.figure(name, drawn.figure);
    by_hand.push({ w: w_hand, b: b_hand, title: drawn.title });
  }

  // ## Loss Minimization — let the computer do it.
  // Initialize linear regression model parameters using random numbers
  let theta = initialize_linear_params();

  // dmseloss has mseloss's arguments and returns the gradient at each parameter in θ
  const [dw, db] = dmseloss(torch.tensor(0.3), torch.tensor(0.5), x, y);
  print({ w: dw, b: db });

  // Write the optimization routine: 3,000 iterations, recording the loss on each
  let losses: number[];
  [losses, theta] = await model_optimization_loop(theta, x, y, 3000, 0.001, ctx.progress(3000, "optimizing"));

  // Now, let's plot the loss score over time. It should be going downwards.
  plt.plot(losses);
  plt.xlabel("iteration");
  plt.ylabel("mse");
  await ctx.figure("loss-over-time");

  // Inspect your parameters to see if they've become close to the true values!
  print(theta);
  const found = { w: await theta.w.item(), b: await theta.b.item() };

  // The line gradient descent found, over the data.
  await ctx.figure("optimized-model", (await plot_model(x, y, found.w, found.b)).figure);

  return {
    data: { x, y },
    bad_guess: { w, b, mse: await bad_mse.item() },
    by_hand,
    gradient_example: { w: await dw!.item(), b: await db!.item() },
    losses,
    theta: found,
    truth: { w: w_true, b: b_true },
  };
}
