/**
 * `@flambeau/nn`: PyTorch's `torch.nn` for Flambeau — `Module` (callable, with automatic
 * registration of parameters and submodules), `Parameter`, containers, layers, activations,
 * losses, `functional`, `init`, `utils`, `state_dict` and safetensors save/load.
 *
 * @example
 * ```ts
 * import * as nn from "@flambeau/nn";
 * const model = new nn.Sequential(new nn.Linear(2, 16), new nn.ReLU(), new nn.Linear(16, 2));
 * const loss = new nn.CrossEntropyLoss()(model(x), y);
 * loss.backward();
 * ```
 *
 * @packageDocumentation
 */
export { Module } from "./module.js";
import "./builtin-modules.js";
export { Parameter } from "./parameter.js";
export { IncompatibleKeys, type StateDict, type StateDictLike } from "./state-dict.js";

export { Sequential, type NamedModules } from "./containers/sequential.js";
export { ModuleList } from "./containers/module-list.js";
export { ModuleDict } from "./containers/module-dict.js";

export { Linear, type LinearOptions } from "./layers/linear.js";
export { Identity } from "./layers/identity.js";
export { Flatten, type FlattenOptions } from "./layers/flatten.js";
export { ReLU, LeakyReLU, Sigmoid, Tanh, GELU, Softmax, LogSoftmax, type LeakyReLUOptions } from "./layers/activation.js";
export { Dropout, Dropout2d, type DropoutLayerOptions } from "./layers/dropout.js";
export { Embedding, type EmbeddingOptions } from "./layers/embedding.js";
export { LayerNorm, type LayerNormOptions } from "./layers/layer-norm.js";
export { BatchNorm1d, BatchNorm2d, type BatchNormOptions } from "./layers/batch-norm.js";
export { ConvNd, Conv1d, Conv2d, ConvTranspose2d, type ConvOptions, type ConvTransposeOptions } from "./layers/conv.js";
export { MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, type MaxPool2dOptions, type AvgPool2dOptions } from "./layers/pooling.js";
export { Upsample, type UpsampleOptions } from "./layers/upsample.js";
export { RNNBase, RNN, LSTM, GRU, type RNNBaseOptions, type RNNOptions, type LSTMOptions } from "./layers/rnn.js";

export { Loss, WeightedLoss, type LossOptions } from "./loss/base.js";
export { MSELoss, L1Loss, SmoothL1Loss, HuberLoss } from "./loss/regression.js";
export { BCELoss, BCEWithLogitsLoss } from "./loss/binary.js";
export { NLLLoss, CrossEntropyLoss, type NLLLossModuleOptions } from "./loss/classification.js";

export * as functional from "./functional/index.js";
export * as init from "./init.js";
export * as utils from "./utils/index.js";

export { save, load, saveToBytes, loadFromBytes, type SaveOptions, type LoadOptions } from "./serialization/save-load.js";
