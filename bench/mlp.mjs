// One training step of an MLP 784-256-256-10 (batch 128, ReLU, cross-entropy, SGD), in ms,
// beside TensorFlow.js's CPU backend doing the same step.
import * as torch from "flambeau";
import { tfjsCpu } from "./tfjs.mjs";
import { median } from "./timing.mjs";

const BATCH = 128, SIZES = [784, 256, 256, 10], STEPS = 5;

function flambeauStep() {
  torch.manual_seed(0);
  const model = new torch.nn.Sequential(
    new torch.nn.Linear(SIZES[0], SIZES[1]), new torch.nn.ReLU(),
    new torch.nn.Linear(SIZES[1], SIZES[2]), new torch.nn.ReLU(),
    new torch.nn.Linear(SIZES[2], SIZES[3]),
  );
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const lossFn = new torch.nn.CrossEntropyLoss();
  const x = torch.randn([BATCH, SIZES[0]]);
  const y = torch.randint(0, SIZES[3], [BATCH]);
  return () => {
    opt.zero_grad();
    const loss = lossFn(model(x), y);
    loss.backward();
    opt.step();
    return loss.itemSync();
  };
}

function tfjsStep(tf) {
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
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  };
}

export async function mlp() {
  const tf = await tfjsCpu();
  const ours = flambeauStep(), peer = tfjsStep(tf);
  const oursMs = (await median(() => { for (let i = 0; i < STEPS; i++) ours(); })) / STEPS;
  const peerMs = (await median(() => { for (let i = 0; i < STEPS; i++) peer(); }, { repeats: 3 })) / STEPS;
  console.log(`mlp step: flambeau ${oursMs.toFixed(1)} ms, tfjs-cpu ${peerMs.toFixed(1)} ms`);
  return [{ name: "MLP 784-256-256-10 step, batch 128", unit: "ms", peerName: "tfjs-cpu", ours: oursMs, peer: peerMs, target: "faster" }];
}
