// #region setup: the port's header and imports
/**
 * Lesson 3, `002_fa3bef5be1d8f064.txt` — "Simple linear regression in code": a lecture that walks
 * through a prepared notebook. The transcript has no code cells, so the port follows the lecture
 * step by step; the `[mm:ss]` comments are where the lecture says what the next lines do.
 */
import * as torch from "flambeau";
import { pyplot as plt } from "@flambeau/plotting";
import type { Lesson, LessonContext } from "@flambeau/lesson-kit";
// #endregion

const nn = torch.nn;
const np = torch.np;

// #region setup: the results the tests check, the seed, the lesson's name and source, its entry point
/** What lesson 3 computes: the tests assert these. */
export interface Lesson3Results {
  /** The synthetic data: `X` uniform in (-5, 5), `Y = 0.5 X - 1 + noise`. */
  X: number[];
  Y: number[];
  /** The loss of each of the 30 iterations. */
  losses: number[];
  /** The fitted line's predictions at `X`. */
  predicted: number[];
  /** The error `numpy()` raises on a tensor that requires grad (the lecture's detach lesson). */
  detach_error: string;
  /** Whether the prediction made inside `no_grad` requires grad (it does not). */
  no_grad_requires_grad: boolean;
  /** `model.weight` and `model.bias`: near the true 0.5 and -1. */
  w: number;
  b: number;
}

/** The lecture's data are random; this seed makes every run the same. */
const DEFAULT_SEED = 0;

/** Lesson 3: simple linear regression in code. */
export const lesson: Lesson<Lesson3Results> = {
  id: 3,
  slug: "lesson3-simple-regression",
  title: "Simple linear regression in code (lecture)",
  source: { file: "002_fa3bef5be1d8f064.txt", title: "Simple linear regression in code (lecture transcript)" },
  run,
};

async function run(ctx: LessonContext): Promise<Lesson3Results> {
  const { print } = ctx;
  const seed = ctx.options.seed ?? DEFAULT_SEED;
  np.random.seed(seed);
  torch.manual_seed(seed);
  // #endregion

  // [01:07] Next we're going to generate some data to apply our model to.
  // [01:27] Generate 20 data points
  const N = 20;

  // [01:47] random data on the x-axis in (-5, +5): random numbers between 0 and 1, times 10, minus 5
  const X = np.random.random(N).map((x) => x * 10 - 5); // np.random.random(N)*10 - 5

  // [02:36] a line plus some noise: true slope 0.5, true y intercept -1, Gaussian noise
  const noise = np.random.randn(N);
  const Y = X.map((x, i) => 0.5 * x - 1 + noise[i]!); // 0.5 * X - 1 + np.random.randn(N)

  // [03:37] Plot the data
  plt.scatter(X, Y);
  await ctx.figure("data");

  // [04:04] Create the linear regression model: one input and one output
  const model = new nn.Linear(1, 1);

  // [04:23] Loss and optimizer: the MSE loss and SGD with a learning rate of 0.1
  const criterion = new nn.MSELoss();
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.1 });

  // [04:33] In ML we want our data to be of shape (num_samples x num_dimensions): X.reshape(N, 1)
  // PyTorch uses float32 by default, Numpy creates float64 by default: X.astype(np.float32)
  const inputs = torch.from_numpy(Float32Array.from(X)).reshape(N, 1);
  const targets = torch.from_numpy(Float32Array.from(Y)).reshape(N, 1);

  // [04:52] type(inputs): indeed a torch tensor
  print(inputs.constructor.name);

  // [05:03] Train the model
  const n_epochs = 30;
  const losses: number[] = [];
  for (let it = 0; it < n_epochs; it++) {
    // [06:27] zero the parameter gradients
    optimizer.zero_grad();

    // [06:51] Forward pass
    const outputs = model(inputs);
    const loss = criterion(outputs, targets);

    // [07:16] keep the loss so we can plot it later
    losses.push(await loss.item());

    // [07:45] Backward and optimize
    loss.backward();
    optimizer.step();

    print(`Epoch ${it + 1}/${n_epochs}, Loss: ${losses.at(-1)!.toFixed(4)}`);
  }

  // [08:24] Plot the loss per iteration: a steady decrease, fast at the beginning and slow at the end
  plt.plot(losses);
  await ctx.figure("loss-per-iteration");

  // [08:52] Plot the graph: the predictions as a tensor; we first detach it, then read its values
  // (`.numpy()` in the lecture; `await .data()` reads from every device, the CPU or a GPU)
  const predicted = await model(inputs).detach().data();
  plt.scatter(X, Y, { label: "Original data" });
  plt.plot(X, predicted, { label: "Fitted line" });
  plt.legend();
  await ctx.figure("fitted-line");

  // [09:47] Error: what happens if we do not call detach
  let detach_error = "";
  try {
    model(inputs).numpy();
  } catch (e) {
    detach_error = (e as Error).message;
    print(`RuntimeError: ${detach_error}`);
  }

  // [10:20] Another way: tell PyTorch not to compute gradients; no call to detach
  const out = torch.no_grad(() => model(inputs));
  print(out.requires_grad, await out.data());

  // [10:46] Important! In order to test the efficacy of our model, synthetic data is useful, because
  // we know the answer: the true values of (w, b) are (0.5, -1)
  const w = await model.weight.detach().data(); // model.weight.data.numpy()
  const b = await model.bias!.detach().data(); // model.bias.data.numpy()
  print(w, b);

  return {
    X: Array.from(X),
    Y: Array.from(Y),
    losses,
    predicted: Array.from(predicted),
    detach_error,
    no_grad_requires_grad: out.requires_grad,
    w: w[0]!,
    b: b[0]!,
  };
}
