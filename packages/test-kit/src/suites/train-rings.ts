/**
 * End to end: a 2-layer MLP learns to tell two concentric rings apart, with a hand-written SGD
 * step (the optimizer package is separate). The data come from a seeded generator, so the run is
 * the same every time.
 */
import { Generator, from, manual_seed, type Tensor } from "@flambeau/tensor";
import { no_grad } from "@flambeau/autograd";
import * as nn from "@flambeau/nn";

/** `n` points per ring (radii 1 and 2, noise 0.15), labels 0 (inner) and 1 (outer). */
export function makeRings(n: number, seed: number): { x: Float32Array; y: Int32Array } {
  const g = new Generator().manual_seed(seed);
  const angle = g.uniformFill(new Float64Array(2 * n), 0, 2 * Math.PI);
  const noise = g.normalFill(new Float64Array(2 * n), 0, 0.15);
  const x = new Float32Array(4 * n);
  const y = new Int32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) {
    const label = i < n ? 0 : 1;
    const r = 1 + label + noise[i]!;
    x[2 * i] = r * Math.cos(angle[i]!);
    x[2 * i + 1] = r * Math.sin(angle[i]!);
    y[i] = label;
  }
  return { x, y };
}

/** Train on 400 points for 300 full-batch steps; return the accuracy on a fresh test set. */
export async function trainRingsClassifier(device: string): Promise<number> {
  manual_seed(0);
  const model = new nn.Sequential(new nn.Linear(2, 32), new nn.ReLU(), new nn.Linear(32, 2)).to(device);
  const criterion = new nn.CrossEntropyLoss();
  const train = makeRings(200, 1);
  const x = from(train.x, [400, 2], { device });
  const y = from(train.y, [400], { device });
  const lr = 0.5;
  for (let step = 0; step < 300; step++) {
    const loss = criterion(model(x), y);
    model.zero_grad();
    loss.backward();
    no_grad(() => {
      for (const p of model.parameters()) p.sub_(p.grad!.mul(lr));
    });
  }
  const test = makeRings(200, 2);
  model.eval();
  const predicted: Tensor = no_grad(() => model(from(test.x, [400, 2], { device })).argmax(1));
  const labels = await predicted.data();
  let correct = 0;
  labels.forEach((p, i) => (correct += p === test.y[i] ? 1 : 0));
  return correct / labels.length;
}
