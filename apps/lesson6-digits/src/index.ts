/**
 * Lesson 6 — handwritten digits (MNIST) with a small convolutional network, in Flambeau.
 *
 * @packageDocumentation
 */
export { lesson, Net, MNISTDigits, MNIST_MEAN, MNIST_STD, EPOCHS, BATCH_SIZE, LEARNING_RATE, type Lesson6Results } from "./lesson.js";
export { load_mnist, SIDE, type MnistArrays } from "./mnist.js";
export { to_mnist, predict_digit } from "./drawn-digit.js";
