// The elementwise-math rows: six transcendental kernels and an atan2 over 2^18 elements, then a
// sum and one read, the same chain for Flambeau and TensorFlow.js. These are the kernels whose
// scalar math @flambeau/scalar-math prints, so the rows show what its recipes cost.
export const MATH_N = 1 << 18;

/** The chain's inputs: the same values on both sides (-4 … 4). */
export function mathInput() {
  return Float32Array.from({ length: MATH_N }, (_, i) => ((i * 7919) % 8001) / 1000 - 4);
}

/** Flambeau's chain; resolves to the sum. */
export async function flambeauMath(x) {
  const y = x.sin().tanh().erf().sigmoid().exp().log1p();
  return y.atan2(x).sum().item();
}

/** TensorFlow.js's chain; resolves to the sum. */
export async function tfjsMath(tf, x) {
  const s = tf.tidy(() => tf.sum(tf.atan2(tf.log1p(tf.exp(tf.sigmoid(tf.erf(tf.tanh(tf.sin(x)))))), x)));
  const out = (await s.data())[0];
  s.dispose();
  return out;
}
