// TensorFlow.js on its CPU backend, the peer every CPU benchmark compares against.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";

export async function tfjsCpu() {
  await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}
