/**
 * The modules of this package whose calls run only library code, so each call's temporaries
 * are freed when it returns (module-proxy.ts). A class missing here is only slower to release
 * memory, never wrong; one listed here must not call user code except through child modules.
 * A call with more arguments than its `forward` takes is refused (module-proxy.ts): give the
 * count where a parameter has a default, as for the recurrent layers.
 */
import { markBuiltinModules } from "./module-proxy.js";
import { Sequential } from "./containers/sequential.js";
import { Linear } from "./layers/linear.js";
import { Identity } from "./layers/identity.js";
import { Flatten } from "./layers/flatten.js";
import { ReLU, LeakyReLU, Sigmoid, Tanh, GELU, Softmax, LogSoftmax } from "./layers/activation.js";
import { Dropout, Dropout2d } from "./layers/dropout.js";
import { Embedding } from "./layers/embedding.js";
import { LayerNorm } from "./layers/layer-norm.js";
import { BatchNorm1d, BatchNorm2d } from "./layers/batch-norm.js";
import { Conv1d, Conv2d, ConvTranspose2d } from "./layers/conv.js";
import { MaxPool2d, AvgPool2d, AdaptiveAvgPool2d } from "./layers/pooling.js";
import { Upsample } from "./layers/upsample.js";
import { RNN, LSTM, GRU } from "./layers/rnn.js";
import { MSELoss, L1Loss, SmoothL1Loss, HuberLoss } from "./loss/regression.js";
import { BCELoss, BCEWithLogitsLoss } from "./loss/binary.js";
import { NLLLoss, CrossEntropyLoss } from "./loss/classification.js";

markBuiltinModules([
  Sequential, Linear, Identity, Flatten, ReLU, LeakyReLU, Sigmoid, Tanh, GELU, Softmax, LogSoftmax, Dropout,
  Embedding, LayerNorm, BatchNorm1d, MSELoss, L1Loss, SmoothL1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss,
  NLLLoss, CrossEntropyLoss, BatchNorm2d, Dropout2d, Conv1d, Conv2d, ConvTranspose2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, Upsample,
]);
// forward(input, hx = null): the default hides hx from Function.length.
markBuiltinModules([RNN, LSTM, GRU], 2);
