// #region setup: the port's header and imports
/**
 * Lesson 5, `004_45a66433e016a1de.txt` — "Linear Regression with PyTorch" (Deep Learning
 * Wizard): `y = 2x + 1` with an `nn.Module`, on the CPU, saved and loaded, then on a GPU. Ported
 * note by note; the comments name the lesson's notes and keep its own comments.
 */
import * as torch from "flambeau";
import { pyplot as plt } from "@flambeau/plotting";
import type { Lesson, LessonContext } from "@flambeau/lesson-kit";
// #endregion

type Tensor = torch.Tensor;
const nn = torch.nn;
const np = torch.np;

// ### Building Model — Create Model Class
/** STEP 1: CREATE MODEL CLASS — one `nn.Linear`, and a forward that applies it. */
export class LinearRegressionModel extends nn.Module {
  linear: torch.nn.Linear;
  constructor(input_dim: number, output_dim: number) {
    super();
    this.linear = new nn.Linear(input_dim, output_dim);
  }

  override forward(x: Tensor): Tensor {
    const out = this.linear(x);
    return out;
  }
}

// #region setup: the results the tests check, the seed, the lesson's name and source, its entry point
/** What lesson 5 computes: the tests assert these. */
export interface Lesson5Results {
  /** `y = 2x + 1` at `x = 0 … 10`. */
  x_values: number[];
  y_values: number[];
  /** The loss of each of the 100 epochs on the CPU (on `ctx.device`). */
  losses: number[];
  /** The trained model's predictions. */
  predicted: number[];
  /** Where the state dict was saved, and the predictions of a fresh model that loaded it. */
  saved_to: string;
  reloaded_predicted: number[];
  /** The GPU version: the device it picked, its losses and predictions. */
  gpu: { device: string; losses: number[]; predicted: number[] };
}

/** The lesson does not seed; this seed makes every run the same. */
const DEFAULT_SEED = 0;

/** Lesson 5: linear regression with PyTorch, on the CPU and a GPU. */
export const lesson: Lesson<Lesson5Results> = {
  id: 5,
  slug: "lesson5-linear-regression-gpu",
  title: "Linear regression with PyTorch, on the CPU and a GPU",
  source: {
    file: "004_45a66433e016a1de.txt",
    title: "Linear Regression with PyTorch",
    url: "https://github.com/ritchieng/deep-learning-wizard/blob/master/docs/deep_learning/practical_pytorch/pytorch_linear_regression.ipynb",
  },
  usesAccelerator: true,
  run,
};

async function run(ctx: LessonContext): Promise<Lesson5Results> {
  const { print } = ctx;
  const seed = ctx.options.seed ?? DEFAULT_SEED;
  // #endregion

  // ### Example of simple linear regression — "Create plot for simple linear regression". Take
  // note that this code is not important at all: random points and a best-fit line.
  // Creates 50 random x and y numbers
  np.random.seed(1);
  const n = 50;
  const x = np.random.randn(n);
  const noise = np.random.randn(n);
  const y = x.map((xi, i) => xi * noise[i]!); // x * np.random.randn(n)

  // Makes the dots colorful
  const colors = np.random.rand(n);

  // Plots best-fit line via polyfit: np.poly1d(np.polyfit(x, y, 1)) — the least-squares line,
  // slope = cov(x, y) / var(x), through the means (a straight line drawn over x in any order)
  const xs = torch.tensor(x, { dtype: torch.float32 }), ys = torch.tensor(y, { dtype: torch.float32 });
  const dx = xs.sub(xs.mean());
  const slope = dx.mul(ys.sub(ys.mean())).sum().div(dx.pow(2).sum());
  plt.plot(xs, xs.sub(xs.mean()).mul(slope).add(ys.mean()));

  // Plots the random x and y data points we created
  // Interestingly, alpha makes it more aesthetically pleasing
  plt.scatter(x, y, { c: colors, alpha: 0.5 });
  await ctx.figure("simple-linear-regression");

  // ## Building a Linear Regression Model with PyTorch
  torch.manual_seed(seed);
  // ### Building a Toy Dataset — Create a list of values from 0 to 11
  const x_values = Array.from({ length: 11 }, (_, i) => i); // [i for i in range(11)]
  print(x_values);

  // Convert list of numbers to numpy array — a float32 tensor is Flambeau's array
  let x_train = torch.tensor(x_values, { dtype: torch.float32 });
  print(x_train.shape);

  // IMPORTANT: 2D required
  x_train = x_train.reshape(-1, 1);
  print(x_train.shape);

  // Create list of y values: y = 2x + 1
  let y_values = x_values.map((i) => 2 * i + 1); // [2*i + 1 for i in x_values]
  print(y_values);

  // Alternative to create list of y values — In case you're weak in list iterators...
  y_values = [];
  for (const i of x_values) {
    const result = 2 * i + 1;
    y_values.push(result);
  }
  print(y_values);

  // Convert to numpy array
  let y_train = torch.tensor(y_values, { dtype: torch.float32 });
  print(y_train.shape);

  // Reshape y numpy array to 2-dimension — IMPORTANT: 2D required
  y_train = y_train.reshape(-1, 1);
  print(y_train.shape);

  // ### Building Model — Instantiate Model Class
  const input_dim = 1;
  const output_dim = 1;

  const model = new LinearRegressionModel(input_dim, output_dim);

  // Instantiate Loss Class
  const criterion = new nn.MSELoss();

  // Instantiate Optimizer Class
  const learning_rate = 0.01;

  const optimizer = new torch.optim.SGD(model.parameters(), { lr: learning_rate });

  // Train Model
  const epochs = 100;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; ) {
    epoch += 1;
    // Convert numpy array to torch Variable: torch.from_numpy(x_train).requires_grad_(), a new
    // tensor on the same memory
    const inputs = x_train.detach().requires_grad_();
    const labels = y_train;

    // Clear gradients w.r.t. parameters
    optimizer.zero_grad();

    // Forward to get output
    const outputs = model(inputs);

    // Calculate Loss
    const loss = criterion(outputs, labels);

    // Getting gradients w.r.t. parameters
    loss.backward();

    // Updating parameters
    optimizer.step();

    losses.push(await loss.item());
    print(`epoch ${epoch}, loss`, losses.at(-1));
  }

  // Looking at predicted values — Purely inference
  let predicted = await model(x_train.detach().requires_grad_()).detach().data(); // .data.numpy()
  print(predicted);

  // Looking at training values: y = 2x + 1
  print(y_train);

  // Plot of predicted and actual values
  // Clear figure
  plt.clf();

  // Get predictions
  predicted = await model(x_train.detach().requires_grad_()).detach().data();

  // Plot true data
  plt.plot(x_train, y_train, "go", { label: "True data", alpha: 0.5 });

  // Plot predictions
  plt.plot(x_train, predicted, "--", { label: "Predictions", alpha: 0.5 });

  // Legend and plot
  plt.legend({ loc: "best" });
  await ctx.figure("predictions");

  // Save Model — Saves only parameters: alpha & beta (save_model = True here). Node writes a
  // safetensors file; a browser keeps the bytes and offers them as a download.
  const saved_to = await ctx.save(model.state_dict(), "awesome_model.safetensors");
  print(`saved the state_dict to ${saved_to}`);

  // Load Model (load_model = True here), into a fresh model: its predictions are the same.
  const reloaded = new LinearRegressionModel(input_dim, output_dim);
  reloaded.load_state_dict(await ctx.load("awesome_model.safetensors"));
  const reloaded_predicted = await reloaded(x_train).detach().data();
  print(reloaded.state_dict());

  // ## Building a Linear Regression Model with PyTorch (GPU) — always 2 things must be on GPU:
  // the model and the tensors.
  const gpu_model = new LinearRegressionModel(input_dim, output_dim);

  // USE GPU FOR MODEL: device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
  // — here WebGPU, else gpu.js, else the CPU.
  const device = ctx.accelerator;
  gpu_model.to(device);
  print(`device: ${device}`);

  const gpu_criterion = new nn.MSELoss();
  const gpu_optimizer = new torch.optim.SGD(gpu_model.parameters(), { lr: learning_rate });

  // STEP 5: TRAIN THE MODEL
  const gpu_losses: number[] = [];
  for (let epoch = 0; epoch < epochs; ) {
    epoch += 1;
    // USE GPU FOR MODEL
    const inputs = x_train.to(device);
    const labels = y_train.to(device);

    // Clear gradients w.r.t. parameters
    gpu_optimizer.zero_grad();

    // Forward to get output
    const outputs = gpu_model(inputs);

    // Calculate Loss
    const loss = gpu_criterion(outputs, labels);

    // Getting gradients w.r.t. parameters
    loss.backward();

    // Updating parameters
    gpu_optimizer.step();

    // Logging
    gpu_losses.push(await loss.item());
    print(`epoch ${epoch}, loss`, gpu_losses.at(-1));
  }
  const gpu_predicted = await gpu_model(x_train.to(device)).detach().data();

  return {
    x_values,
    y_values,
    losses,
    predicted: Array.from(predicted),
    saved_to,
    reloaded_predicted: Array.from(reloaded_predicted),
    gpu: { device: device.toString(), losses: gpu_losses, predicted: Array.from(gpu_predicted) },
  };
}

