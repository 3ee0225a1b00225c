// The MLP training step every suite times (784-256-256-10, batch 128, ReLU, cross-entropy, SGD
// with lr 0.01), built once for Flambeau and once for TensorFlow.js. `torch` and `tf` are passed
// in, so the same builders serve Node and the gpu.js suite's browser page.

export const BATCH = 128;
export const SIZES = [784, 256, 256, 10];

/** A Flambeau step on `device`; `read` turns the loss into a number (sync or async). */
export function flambeauMlpStep(torch, { device = "cpu", read = (loss) => loss.itemSync() } = {}) {
  const { step } = flambeauMlp(torch, device);
  return () => read(step());
}

/**
 * The MLP, its optimizer and data on `device`, and the step returning the loss tensor; `sizes`
 * and `batch` scale it down (the memory bench's 10,000 steps).
 */
export function flambeauMlp(torch, device, { sizes = SIZES, batch = BATCH } = {}) {
  torch.manual_seed(0);
  const model = new torch.nn.Sequential(
    new torch.nn.Linear(sizes[0], sizes[1]), new torch.nn.ReLU(),
    new torch.nn.Linear(sizes[1], sizes[2]), new torch.nn.ReLU(),
    new torch.nn.Linear(sizes[2], sizes[3]),
  ).to(device);
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const lossFn = new torch.nn.CrossEntropyLoss();
  const x = torch.randn([batch, sizes[0]], { device });
  const y = torch.randint(0, sizes[3], [batch], { device });
  const step = () => {
    opt.zero_grad();
    const loss = lossFn(model(x), y);
    loss.backward();
    opt.step();
    return loss;
  };
  return { model, opt, x, y, step };
}

/** The same step in TensorFlow.js on its current backend; `read` as above, on the cost tensor. */
export function tfjsMlpStep(tf, { read = (cost) => cost.dataSync()[0] } = {}) {
  const dense = (i, o) => [tf.variable(tf.randomUniform([i, o], -1 / Math.sqrt(i), 1 / Math.sqrt(i))), tf.variable(tf.zeros([o]))];
  const layers = [dense(SIZES[0], SIZES[1]), dense(SIZES[1], SIZES[2]), dense(SIZES[2], SIZES[3])];
  const vars = layers.flat();
  const opt = tf.train.sgd(0.01);
  const x = tf.randomNormal([BATCH, SIZES[0]]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, SIZES[3], "int32"), SIZES[3]);
  return () => {
    const cost = opt.minimize(() => {
      let h = x;
      layers.forEach(([w, b], i) => {
        h = tf.add(tf.matMul(h, w), b);
        if (i < layers.length - 1) h = tf.relu(h);
      });
      return tf.losses.softmaxCrossEntropy(y, h);
    }, true, vars);
    const value = read(cost);
    if (value instanceof Promise) return value.finally(() => cost.dispose());
    cost.dispose();
    return value;
  };
}
