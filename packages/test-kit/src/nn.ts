/** `@flambeau/test-kit/nn`: reading `fixtures/nn.json` and `fixtures/conv.json` (real PyTorch) into modules, tensors and state dicts. */
export { nnFixture, decode, decodeState, build, expectClose, thrownMessage, type Encoded, type EncodedState, type ModuleSpec } from "./suites/nn-fixture.js";
export { convFixture } from "./suites/conv.js";
