/** `@flambeau/test-kit/optim`: `fixtures/optim.json` (real PyTorch) and the helpers that replay it. */
export { fixture, LAMBDAS, decode, expectClose, lossOf, makeOptimizer, type Encoded, type OptimFixture } from "./suites/optim.js";
