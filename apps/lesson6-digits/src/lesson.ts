// #region setup: the port's header and imports
/**
 * Lesson 6 — handwritten digits with a convolutional network, written as a PyTorch lesson
 * would be (after PyTorch's "Basic MNIST Example"): a `Dataset` over images, `DataLoader`s, a
 * small CNN `nn.Module`, `F.cross_entropy`, `optim.Adam`, an accuracy loop under
 * `torch.no_grad()`, a confusion matrix and the digits it got wrong. The comments are the
 * lesson's text.
 */
import * as torch from "flambeau";
import { pyplot as plt } from "@flambeau/plotting";
import type { Lesson, LessonContext } from "@flambeau/lesson-kit";
import { load_mnist, SIDE } from "./mnist.js";
// #endregion

type Tensor = torch.Tensor;
const nn = torch.nn;
const F = torch.nn.functional;
const { Dataset, DataLoader, random_split } = torch.utils.data;

// ## The data
// MNIST: 28×28 grey images of handwritten digits, each labelled 0 to 9. The `mnist` package
// ships 10,000 of them. A `Dataset` gives the i-th image and its label; like torchvision's
// `transforms.Normalize((0.1307,), (0.3081,))`, it shifts and scales the pixels to MNIST's
// mean and standard deviation, which the network trains better on.
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;

/** The digits as a map-style dataset: `getitem(i)` is `[image (1×28×28), label]`. */
export class MNISTDigits extends Dataset<[Tensor, number]> {
  constructor(
    readonly images: Tensor, // N × 1 × 28 × 28, pixels in [0, 1]
    readonly labels: Int32Array,
  ) {
    super();
  }

  get length(): number {
    return this.labels.length;
  }

  getitem(index: number): [Tensor, number] {
    const image = this.images.index(index).sub(MNIST_MEAN).div(MNIST_STD);
    return [image, this.labels[index]!];
  }
}

// ## The model
// Two blocks of convolution → batch normalisation → ReLU → 2×2 max-pooling turn the 28×28 image
// into 32 maps of 7×7 features; a linear layer reads the ten class scores (logits) off them.
// Batch normalisation keeps each channel's activations centred and scaled while the weights
// move, so a few epochs on 8,000 digits are enough.
/** The lesson's CNN: two blocks conv(3×3) → BatchNorm2d → ReLU → MaxPool2d(2), then linear(32·7·7 → 10). */
export class Net extends nn.Module {
  conv1: torch.nn.Conv2d;
  bn1: torch.nn.BatchNorm2d;
  conv2: torch.nn.Conv2d;
  bn2: torch.nn.BatchNorm2d;
  pool: torch.nn.MaxPool2d;
  fc: torch.nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(1, 16, 3, { padding: 1 }); // 1×28×28 → 16×28×28
    this.bn1 = new nn.BatchNorm2d(16);
    this.conv2 = new nn.Conv2d(16, 32, 3, { padding: 1 }); // 16×14×14 → 32×14×14
    this.bn2 = new nn.BatchNorm2d(32);
    this.pool = new nn.MaxPool2d(2); // halves each side
    this.fc = new nn.Linear(32 * 7 * 7, 10);
  }

  override forward(x: Tensor): Tensor {
    x = this.pool(F.relu(this.bn1(this.conv1(x)))); // 16 × 14 × 14
    x = this.pool(F.relu(this.bn2(this.conv2(x)))); // 32 × 7 × 7
    x = torch.flatten(x, 1); // 1568 features per image
    return this.fc(x); // 10 logits
  }
}

// #region setup: the results the tests check, the seed, the lesson's name and source, its entry point
/** What lesson 6 computes: the tests assert these. */
export interface Lesson6Results {
  /** Images in the training and test sets. */
  train_size: number;
  test_size: number;
  epochs: number;
  batch_size: number;
  /** The mean training loss of each epoch. */
  epoch_losses: number[];
  /** Test accuracy (0 to 1) after each epoch; the last is the lesson's result. */
  test_accuracies: number[];
  test_accuracy: number;
  /** `confusion[true][predicted]`: how many test images of each digit got each prediction. */
  confusion: number[][];
  /** The first test images it got wrong (their place in the test set, label, prediction). */
  misclassified: { index: number; label: number; predicted: number }[];
  /** The trained model (the web page predicts what the user draws with it). */
  model: Net;
}

/** Training as the lesson states it: 4 epochs of Adam over batches of 32 (`--epochs N` changes the epochs). */
export const EPOCHS = 4;
export const BATCH_SIZE = 32;
export const LEARNING_RATE = 2e-3;

/** The lesson seeds PyTorch once; this makes every run the same. */
const DEFAULT_SEED = 0;

/** Lesson 6: handwritten digits with a convolutional network. */
export const lesson: Lesson<Lesson6Results> = {
  id: 6,
  slug: "lesson6-digits",
  title: "Handwritten digits with a convolutional network",
  source: {
    title: "Handwritten digits (MNIST) with a CNN",
    url: "https://github.com/pytorch/examples/tree/main/mnist",
  },
  run,
};

async function run(ctx: LessonContext): Promise<Lesson6Results> {
  const { print } = ctx;
  const device = ctx.device;
  torch.manual_seed(ctx.options.seed ?? DEFAULT_SEED);
  // #endregion

  // ### Loading the digits
  const mnist = await load_mnist();
  const images = torch.tensor(mnist.images, { device: "cpu" }).reshape(-1, 1, SIDE, SIDE);
  const dataset = new MNISTDigits(images, mnist.labels);
  print(`${dataset.length} digits of ${SIDE}×${SIDE} pixels`);

  // 8,000 to learn from and 2,000 kept aside to test on, split at random — with a seeded
  // generator, so the split is the same every run.
  const generator = new torch.Generator().manual_seed(42);
  const [train_set, test_set] = random_split(dataset, [8000, 2000], { generator });
  print(`train: ${train_set.length}, test: ${test_set.length}`);

  // A DataLoader serves shuffled batches for training and the test set in order.
  const train_loader = new DataLoader(train_set, { batch_size: BATCH_SIZE, shuffle: true });
  const test_loader = new DataLoader(test_set, { batch_size: 500 });
  const [first_images, first_labels] = train_loader[Symbol.iterator]().next().value!;
  print("one batch:", first_images.shape, first_labels.shape);

  // ### The model, the loss and the optimizer
  const model = new Net().to(device);
  print(model);
  const optimizer = new torch.optim.Adam(model.parameters(), { lr: LEARNING_RATE });
  // Halving the learning rate after each epoch lets the last epochs settle.
  const scheduler = new torch.optim.lr_scheduler.ExponentialLR(optimizer, { gamma: 0.5 });

  // ### Testing: accuracy under torch.no_grad()
  // No gradients are needed to test, so no graph is recorded. The predicted digit is the class
  // with the largest logit.
  async function test(): Promise<{ loss: number; accuracy: number; predicted: Tensor; labels: Tensor }> {
    model.eval();
    let loss_sum = torch.zeros([], { device });
    const all_predicted: Tensor[] = [];
    const all_labels: Tensor[] = [];
    for (const [images, labels] of test_loader) {
      torch.no_grad(() => {
        const output = model(images.to(device));
        const target = labels.to(device);
        loss_sum = loss_sum.add(F.cross_entropy(output, target, { reduction: "sum" }));
        all_predicted.push(output.argmax(1));
        all_labels.push(target);
      });
    }
    const predicted = torch.cat(all_predicted);
    const labels = torch.cat(all_labels);
    const correct = await predicted.eq(labels).sum().item();
    return { loss: (await loss_sum.item()) / test_set.length, accuracy: correct / test_set.length, predicted, labels };
  }

  // ### Training
  // Each step: forward a batch, the cross-entropy loss of its logits against the labels,
  // backward, and one Adam step. An epoch is one pass over the 8,000 training digits; the
  // lesson trains 4 (`pnpm demo 6 --epochs N` trains N).
  const epochs = ctx.options.epochs ?? EPOCHS;
  // #region setup: a shortened run (checks on slow devices) ends each epoch early
  const steps = Math.min(ctx.options.stepsPerEpoch ?? Infinity, train_loader.length);
  // #endregion
  const epoch_losses: number[] = [];
  const test_accuracies: number[] = [];
  const bar = ctx.progress(epochs * steps, "training");
  let result!: Awaited<ReturnType<typeof test>>;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    model.train();
    let epoch_loss = torch.zeros([], { device });
    let step = 0;
    for (const [images, labels] of train_loader) {
      const output = model(images.to(device));
      const loss = F.cross_entropy(output, labels.to(device));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      epoch_loss = epoch_loss.add(loss.detach());
      await bar.tick(loss);
      // #region setup: where a shortened run ends the epoch
      if (++step === steps) break;
      // #endregion
    }
    scheduler.step();
    epoch_losses.push((await epoch_loss.item()) / steps);
    result = await test();
    test_accuracies.push(result.accuracy);
    print(
      `Epoch ${epoch}/${epochs}: train loss ${epoch_losses.at(-1)!.toFixed(4)}, ` +
        `test loss ${result.loss.toFixed(4)}, test accuracy ${(100 * result.accuracy).toFixed(2)}%`,
    );
  }
  bar.done();
  const correct = Math.round(result.accuracy * test_set.length);
  print(`Test set: Accuracy: ${correct}/${test_set.length} (${(100 * result.accuracy).toFixed(2)}%)`);

  // ### Where it goes wrong: the confusion matrix
  // Row t, column p counts the test digits labelled t that the model read as p: one-hot rows
  // of the labels times one-hot rows of the predictions.
  const one_hot_labels = F.one_hot(result.labels, 10).float();
  const one_hot_predicted = F.one_hot(result.predicted, 10).float();
  const confusion_matrix = one_hot_labels.t().matmul(one_hot_predicted);
  const confusion = (await confusion_matrix.tolist()) as number[][];

  plt.figure({ figsize: [6.4, 5.6] });
  plt.imshow(confusion_matrix, { cmap: "Blues" });
  plt.colorbar();
  const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  plt.xticks(digits);
  plt.yticks(digits);
  plt.xlabel("predicted");
  plt.ylabel("true");
  plt.title(`Confusion matrix: ${(100 * result.accuracy).toFixed(2)}% of ${test_set.length} right`);
  const most = Math.max(...confusion.flat());
  for (const t of digits)
    for (const p of digits)
      plt.text(p, t, confusion[t]![p], { ha: "center", va: "center", color: confusion[t]![p]! > most / 2 ? "white" : "black", fontsize: 8 });
  await ctx.figure("confusion-matrix");

  // ### The digits it got wrong
  const predicted = await result.predicted.data();
  const labels = await result.labels.data();
  const misclassified: Lesson6Results["misclassified"] = [];
  for (let i = 0; i < predicted.length && misclassified.length < 12; i++)
    if (predicted[i] !== labels[i]) misclassified.push({ index: i, label: labels[i]!, predicted: predicted[i]! });
  print(`${predicted.length - correct} test digits are misclassified; the first ${misclassified.length}:`);
  const [fig, axes] = plt.subplots(2, 6, { figsize: [9, 3.8] });
  axes.flat().forEach((ax, k) => {
    ax.axis("off");
    const wrong = misclassified[k];
    if (!wrong) return;
    ax.imshow(test_set.getitem(wrong.index)[0].squeeze(), { cmap: "gray" });
    ax.set_title(`${wrong.label}, read as ${wrong.predicted}`);
  });
  await ctx.figure("misclassified", fig);

  return {
    train_size: train_set.length,
    test_size: test_set.length,
    epochs,
    batch_size: BATCH_SIZE,
    epoch_losses,
    test_accuracies,
    test_accuracy: result.accuracy,
    confusion,
    misclassified,
    model,
  };
}
