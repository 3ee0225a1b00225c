// TensorFlow.js on its CPU backend (@tensorflow/tfjs-core + tfjs-backend-cpu), the peer every
// CPU benchmark compares against. The umbrella package is imported only because it registers
// the gradients, which tfjs-core's Node build leaves out.
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-cpu";

export async function tfjsCpu() {
  await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}
