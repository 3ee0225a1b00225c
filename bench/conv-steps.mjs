// The convolution workloads of issue 15, built once for Flambeau and once for TensorFlow.js, so
// the CPU suite (conv.mjs) and the WebGPU suite (webgpu.mjs) time the same thing:
// - Conv2d forward + backward: batch 64 of 1×28×28 into 32 channels, 3×3 kernel (no padding),
//   the gradients of the weight and bias from the sum of the output;
// - one training step of lesson 6's CNN (batch 64): two blocks conv 3×3 (padding 1) →
//   BatchNorm2d (batch statistics) → ReLU → 2×2 max-pool, then linear 32·7·7 → 10;
//   cross-entropy, backward, one Adam step (lr 2e-3).
// Flambeau is NCHW (PyTorch's layout); TensorFlow.js NHWC (its own): each in its native layout.
// Every step ends with a read of a number, so asynchronous devices are waited for.

export const BATCH = 64;

function randn(n, scale = 1) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return out;
}

const labels = () => Int32Array.from({ length: BATCH }, () => Math.floor(Math.random() * 10));

/** Flambeau: Conv2d(1, 32, 3) forward and backward on `device`; resolves to a gradient entry. */
export function flambeauConv(torch, { device = "cpu", read = (t) => t.dataSync()[0] } = {}) {
  torch.manual_seed(0);
  const conv = new torch.nn.Conv2d(1, 32, 3).to(device);
  const x = torch.tensor(randn(BATCH * 28 * 28), { device }).reshape(BATCH, 1, 28, 28);
  return () => {
    conv.zero_grad();
    conv(x).sum().backward();
    return read(conv.weight.grad);
  };
}

/** TensorFlow.js: the same convolution (NHWC), forward and backward, on its current backend. */
export function tfjsConv(tf, { read = (t) => t.dataSync()[0] } = {}) {
  const x = tf.tensor4d(randn(BATCH * 28 * 28), [BATCH, 28, 28, 1]);
  const w = tf.variable(tf.tensor4d(randn(9 * 32, 1 / 3), [3, 3, 1, 32]));
  const b = tf.variable(tf.zeros([32]));
  return () => {
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.add(tf.conv2d(x, w, 1, "valid"), b)), [w, b]);
    const out = read(grads[w.name]);
    const done = () => tf.dispose([value, grads[w.name], grads[b.name]]);
    if (out instanceof Promise) return out.finally(done);
    done();
    return out;
  };
}

/** Flambeau: lesson 6's CNN (as apps/lesson6-digits defines it), one Adam step of batch 64. */
export function flambeauCnnStep(torch, { device = "cpu", read = (loss) => loss.itemSync() } = {}) {
  const { nn } = torch;
  const F = nn.functional;
  torch.manual_seed(0);
  const model = new nn.Sequential(
    new nn.Conv2d(1, 16, 3, { padding: 1 }), new nn.BatchNorm2d(16), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.BatchNorm2d(32), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(32 * 7 * 7, 10),
  ).to(device);
  const opt = new torch.optim.Adam(model.parameters(), { lr: 2e-3 });
  const x = torch.tensor(randn(BATCH * 28 * 28), { device }).reshape(BATCH, 1, 28, 28);
  const y = torch.tensor(labels(), { device });
  return () => {
    opt.zero_grad();
    const loss = F.cross_entropy(model(x), y);
    loss.backward();
    opt.step();
    return read(loss);
  };
}

/** TensorFlow.js: the same CNN and step (NHWC; batch norm from tf.moments, as BatchNorm2d trains). */
export function tfjsCnnStep(tf, { read = (cost) => cost.dataSync()[0] } = {}) {
  const uniform = (shape, fanIn) => tf.variable(tf.randomUniform(shape, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)));
  const conv1 = [uniform([3, 3, 1, 16], 9), uniform([16], 9)];
  const bn1 = [tf.variable(tf.ones([16])), tf.variable(tf.zeros([16]))];
  const conv2 = [uniform([3, 3, 16, 32], 144), uniform([32], 144)];
  const bn2 = [tf.variable(tf.ones([32])), tf.variable(tf.zeros([32]))];
  const fc = [uniform([32 * 7 * 7, 10], 32 * 7 * 7), uniform([10], 32 * 7 * 7)];
  const vars = [conv1, bn1, conv2, bn2, fc].flat();
  const opt = tf.train.adam(2e-3);
  const x = tf.tensor4d(randn(BATCH * 28 * 28), [BATCH, 28, 28, 1]);
  const y = tf.oneHot(tf.tensor1d(labels(), "int32"), 10);
  const block = (h, [w, b], [gamma, beta]) => {
    h = tf.add(tf.conv2d(h, w, 1, "same"), b);
    const { mean, variance } = tf.moments(h, [0, 1, 2]);
    h = tf.batchNorm(h, mean, variance, beta, gamma, 1e-5);
    return tf.maxPool(tf.relu(h), 2, 2, "valid");
  };
  return () => {
    const cost = opt.minimize(() => {
      const h = block(block(x, conv1, bn1), conv2, bn2);
      const logits = tf.add(tf.matMul(tf.reshape(h, [BATCH, -1]), fc[0]), fc[1]);
      return tf.losses.softmaxCrossEntropy(y, logits);
    }, true, vars);
    const value = read(cost);
    if (value instanceof Promise) return value.finally(() => cost.dispose());
    cost.dispose();
    return value;
  };
}
