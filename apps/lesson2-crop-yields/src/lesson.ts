// #region setup: the port's header and imports
/**
 * Lesson 2, `001_6c8b75c1fbe0dee3.txt` — "Gradient Descent and Linear Regression with PyTorch"
 * (part 2 of "Deep Learning with PyTorch: Zero to GANs"): crop yields of apples and oranges from
 * temperature, rainfall and humidity. Ported cell by cell; `In [n]` comments name the notebook's
 * cells and the lesson's own comments are kept.
 */
import * as torch from "flambeau";
import type { Lesson, LessonContext } from "@flambeau/lesson-kit";
// #endregion

const nn = torch.nn;
const F = torch.nn.functional;
const { TensorDataset, DataLoader } = torch.utils.data;

/** The `w` the lesson printed after `torch.randn(2, 3)` (In [2741]). */
export const LESSON_W = [
  [1.0522, -1.1931, 0.3418],
  [0.5824, 0.0763, -1.6385],
];
/** The `b` the lesson printed after `torch.randn(2)` (In [2741]). */
export const LESSON_B = [2.2341, -1.7922];

// #region setup: the results the tests check, the seed, the lesson's name and source, its entry point
/** What lesson 2 computes: the tests assert these. */
export interface Lesson2Results {
  /** The model written from scratch, trained by hand. */
  from_scratch: {
    /** In [2746]: the loss of the first predictions. */
    loss: number;
    /** In [2748]: the first gradients. */
    w_grad: number[][];
    b_grad: number[];
    /** In [2754]: the loss after one step of gradient descent. */
    loss_after_one_step: number;
    /** In [2758]: after two steps. */
    loss_after_two_steps: number;
    /** In [2760]: after 100 more epochs. */
    loss_after_100_epochs: number;
    /** In [2761]: the predictions then. */
    preds: number[][];
  };
  /** The same model with `nn.Linear`, `F.mse_loss`, `optim.SGD` and a `DataLoader`. */
  builtins: {
    /** In [2767]: `train_ds[0:3]`, inputs and targets. */
    first_rows: [number[][], number[][]];
    /** In [2776]: the loss of the untrained `nn.Linear`. */
    initial_loss: number;
    /** In [2779]: the loss `fit` printed every 10th epoch (of the epoch's last batch). */
    fit_losses: number[];
    /** In [2780]: the trained model's predictions for the 15 inputs. */
    preds: number[][];
    /** In [2781]: the targets, to compare with. */
    targets: number[][];
    /** In [2782]: `model(torch.tensor([[75, 63, 44.]]))`. */
    prediction: number[][];
  };
}

/** The lesson does not seed; this seed makes every run the same. */
const DEFAULT_SEED = 0;

/** Lesson 2: gradient descent and linear regression (crop yields). */
export const lesson: Lesson<Lesson2Results> = {
  id: 2,
  slug: "lesson2-crop-yields",
  title: "Gradient descent and linear regression (crop yields)",
  source: {
    file: "001_6c8b75c1fbe0dee3.txt",
    title: "Gradient Descent and Linear Regression with PyTorch",
    url: "https://jovian.ai/aakashns/02-linear-regression",
  },
  run,
};

async function run(ctx: LessonContext): Promise<Lesson2Results> {
  const { print } = ctx;
  torch.manual_seed(ctx.options.seed ?? DEFAULT_SEED);
  // #endregion

  let from_scratch: Lesson2Results["from_scratch"];
  let builtins: Lesson2Results["builtins"];

  // ## Training data
  // In [2738]: Input (temp, rainfall, humidity)
  // this is the inputs array (just a numpy array)
  // first kanto, second johto, third hoenn, fourth sinnoh, fifth unova
  // the first category is temp (F), second rainfall mm, third humidity
  const inputs_np = new Float32Array([
    73, 67, 43,
    91, 88, 64,
    87, 134, 58,
    102, 43, 37,
    69, 96, 70,
  ]); // np.array([[73, 67, 43], …], dtype='float32'), row after row

  // In [2739]: Targets (apples, oranges)
  const targets_np = new Float32Array([
    56, 70,
    81, 101,
    119, 133,
    22, 37,
    103, 119,
  ]);

  // In [2740]: Convert inputs and targets to tensors
  // basically the process is use pandas to load in your inputs and targets then convert to tensors
  const inputs = torch.from_numpy(inputs_np).reshape(5, 3);
  const targets = torch.from_numpy(targets_np).reshape(5, 2);
  print(inputs);
  print(targets);

  // ## Linear regression model from scratch
  {
    // In [2741]: Weights and biases
    // torch rand picks randomly from a normal distribution with mean 0 and standard deviation 1
    // there are two different targets each requiring 3 different weights, so the weights matrix has to be 2x3
    // (With the startFromLessonValues option, w and b start from the values the lesson printed,
    // so every number below is the lesson's.)
    const w = ctx.options.startFromLessonValues
      ? torch.tensor(LESSON_W, { requires_grad: true })
      : torch.randn(2, 3, { requires_grad: true });
    const b = ctx.options.startFromLessonValues
      ? torch.tensor(LESSON_B, { requires_grad: true })
      : torch.randn(2, { requires_grad: true });
    print(w);
    print(b);

    // In [2742]:
    // the weights have to be transposed to conform to the matrix multiplicaiton
    // since the inputs matrix is 5x3 the weights has to be 3x2 and the bias fector doesn't matter
    const model = (x: torch.Tensor) => x.matmul(w.t()).add(b);

    // In [2743]: Generate predictions
    let preds = model(inputs);
    print(preds);

    // In [2744]: Compare with targets
    print(targets);
    // obviously vastly different from the targets because we randomly generated the whatever

    // ## Loss function
    // In [2745]: MSE loss
    // simple mean squared error
    const mse = (t1: torch.Tensor, t2: torch.Tensor) => {
      const diff = t1.sub(t2);
      return torch.sum(diff.mul(diff)).div(diff.numel());
    };
    // .numel returns the number of elements in the tensor
    // this tells us each element in the predictuoin differes from the actual target by the square root of the loss

    // In [2746]: Compute loss
    let loss = mse(preds, targets);
    print(loss);
    const first_loss = await loss.item();

    // ## Compute gradients
    // In [2747]: Compute gradients
    loss.backward();

    // In [2748]: Gradients for weights
    print("gradient for weight");
    print(w);
    print(w.grad);

    print("gradient for biases");
    print(b);
    print(b.grad);
    const w_grad = (await w.grad!.tolist()) as number[][];
    const b_grad = (await b.grad!.tolist()) as number[];

    // ## Adjust weights and biases to reduce the loss
    // In [2749]:
    print(w.grad);

    // In [2750]:
    torch.no_grad(() => {
      w.sub_(w.grad!.mul(1e-5));
      b.sub_(b.grad!.mul(1e-5));
      w.grad!.zero_();
      b.grad!.zero_();
    });

    // In [2751]: Let's verify that the loss is actually lower
    // (preds are still the old predictions, so this prints the same loss)
    loss = mse(preds, targets);
    print(loss);

    // In [2752]:
    w.grad!.zero_();
    b.grad!.zero_();
    print(w.grad);
    print(b.grad);

    // ## Train the model using gradient descent
    // In [2753]: Generate predictions
    // process is always generate pred, calculate loss, backwards deriv, subtract small gradiant, reset grad to zero.
    preds = model(inputs);
    print(preds);

    // In [2754]: Calculate the loss
    loss = mse(preds, targets);
    print(loss);
    const loss_after_one_step = await loss.item();

    // In [2755]: Compute gradients
    loss.backward();
    print(w.grad);
    print(b.grad);

    // In [2756]: Adjust weights & reset gradients
    torch.no_grad(() => {
      w.sub_(w.grad!.mul(1e-5));
      b.sub_(b.grad!.mul(1e-5));
      w.grad!.zero_();
      b.grad!.zero_();
    });

    // In [2757]:
    print(w);
    print(b);

    // In [2758]: Calculate loss
    preds = model(inputs);
    loss = mse(preds, targets);
    print(loss);
    const loss_after_two_steps = await loss.item();

    // ## Train for multiple epochs
    // In [2759]: Train for 100 epochs
    // 1 e-5 is a hyperparameter, see what works
    for (let i = 0; i < 100; i++) {
      preds = model(inputs);
      loss = mse(preds, targets);
      loss.backward();
      torch.no_grad(() => {
        w.sub_(w.grad!.mul(1e-5));
        b.sub_(b.grad!.mul(1e-5));
        w.grad!.zero_();
        b.grad!.zero_();
      });
  }

  // In [2760]: Calculate loss
  preds = model(inputs);
  loss = mse(preds, targets);
  print(loss);
  const loss_after_100_epochs = await loss.detach().item();
  print("average loss: " + String(Math.sqrt(loss_after_100_epochs))); // np.sqrt(loss.detach().numpy())

  // In [2761]: Predictions
  print(preds);

  // In [2762]: Targets
  print(targets);

  from_scratch = {
    loss: first_loss,
    w_grad,
    b_grad,
    loss_after_one_step,
    loss_after_two_steps,
    loss_after_100_epochs,
    preds: (await preds.tolist()) as number[][],
  };
  }

  // ## Linear regression using PyTorch built-ins
  {
    // In [2763]: `import torch.nn as nn` (above)
    // we don't have to build it manually and we can train using built in libraries

    // In [2764]: Input (temp, rainfall, humidity)
    // we're working with 15 different datasets instead of 5
    // ususally we only train off a small part of the data set and we use validation to verify it
    // using smaller matricies is better becasue large matrix multiplicaiton is very costly
    const inputs_np = new Float32Array([
      73, 67, 43,
      91, 88, 64,
      87, 134, 58,
      102, 43, 37,
      69, 96, 70,
      74, 66, 43,
      91, 87, 65,
      88, 134, 59,
      101, 44, 37,
      68, 96, 71,
      73, 66, 44,
      92, 87, 64,
      87, 135, 57,
      103, 43, 36,
      68, 97, 70,
    ]);

    // Targets (apples, oranges)
    const targets_np = new Float32Array([
      56, 70,
      81, 101,
      119, 133,
      22, 37,
      103, 119,
      57, 69,
      80, 102,
      118, 132,
      21, 38,
      104, 118,
      57, 69,
      82, 100,
      118, 134,
      20, 38,
      102, 120,
    ]);

    const inputs = torch.from_numpy(inputs_np).reshape(15, 3);
    const targets = torch.from_numpy(targets_np).reshape(15, 2);

    // In [2765]:
    print(inputs);

    // ## Dataset and DataLoader
    // In [2766]: `from torch.utils.data import TensorDataset` (above)
    // we need to break the dataset into smaller parts

    // In [2767]: Define dataset
    const train_ds = new TensorDataset(inputs, targets);
    const first_rows = train_ds.getitem("0:3"); // train_ds[0:3]
    print(first_rows);
    // gives you first three rows of inputs
    // then first three rrows of targers

    // In [2769]: Define data loader
    // pass in training detaset and batches of dataset
    const batch_size = 5;
    const train_dl = new DataLoader(train_ds, batch_size, { shuffle: true });

    // In [2770]:
    for (const [xb, yb] of train_dl) {
      print("batch:");
      print(xb);
      print(yb);
      break;
  }

  // ## nn.Linear
  // In [2771]: Define model
  // nn. linear does a basic linear regression without us having to define it manually
  // bias is a vector of size 2
  const model = new nn.Linear(3, 2);
  print(model.weight);
  print(model.bias);

  // In [2772]: Parameters
  print(model.parameters());

  // In [2773]: Generate predictions
  let preds = model(inputs);
  print(preds);

  // ## Loss Function
  // In [2774]: `import torch.nn.functional as F` (above)

  // In [2775]: Define loss function
  const loss_fn = F.mse_loss;

  // In [2776]:
  const loss = loss_fn(model(inputs), targets);
  print(loss);
  const initial_loss = await loss.item();

  // ## Optimizer
  // In [2777]: Define optimizer
  // use a stochastic gradient descent to optimize the model
  // model.parameters are the things that need to be updated
  // has the gradient as a pert of the model
  const opt = new torch.optim.SGD(model.parameters(), { lr: 1e-5 });

  // ## Train the model
  // In [2778]: Utility function to train the model
  // this allows us to modify easily, we just put in everything that we have and we let this do the work
  const fit_losses: number[] = [];
  async function fit(
    num_epochs: number,
    model: (x: torch.Tensor) => torch.Tensor,
    loss_fn: (input: torch.Tensor, target: torch.Tensor) => torch.Tensor,
    opt: torch.optim.SGD,
    train_dl: Iterable<torch.Tensor[]>,
  ): Promise<void> {
    const bar = ctx.progress(num_epochs, "fit");
    // Repeat for given number of epochs
    for (let epoch = 0; epoch < num_epochs; epoch++) {
      // batches in dataset
      // Train with batches of data
      let loss!: torch.Tensor;
      for (const [xb, yb] of train_dl) {
        // 1. Generate predictions
        const pred = model(xb!);

        // 2. Calculate loss
        loss = loss_fn(pred, yb!);

        // 3. Compute gradients, updates them from zero
        loss.backward();

        // 4. Update parameters using gradients
        opt.step();

        // 5. Reset the gradients to zero
        opt.zero_grad();
      }
      await bar.tick(loss);

      // Print the progress
      if ((epoch + 1) % 10 === 0) {
        const value = await loss.item();
        fit_losses.push(value);
        print(`Epoch [${epoch + 1}/${num_epochs}], Loss: ${value.toFixed(4)}`);
      }
      // loss is a tensor and the item gets the numerical value
    }
    bar.done();
  }

  // In [2779]:
  await fit(500, model, loss_fn, opt, train_dl);

  // In [2780]: Generate predictions
  preds = model(inputs);
  print(preds);

  // In [2781]: Compare with targets
  print(targets);

  // In [2782]:
  const prediction = model(torch.tensor([[75, 63, 44.0]], { dtype: torch.float32 }));
  print(prediction);

  builtins = {
    first_rows: [(await first_rows[0].tolist()) as number[][], (await first_rows[1].tolist()) as number[][]],
    initial_loss,
    fit_losses,
    preds: (await preds.tolist()) as number[][],
    targets: (await targets.tolist()) as number[][],
    prediction: (await prediction.tolist()) as number[][],
  };
  }

  return { from_scratch, builtins };
}
