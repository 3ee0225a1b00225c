/**
 * `@flambeau/conformance`: the op conformance suite shared by every backend (DESIGN.md,
 * Decision 7). Expected values come from real PyTorch (`scripts/fixtures/ops.py` writes
 * `fixtures/ops.json`); tests need no Python.
 *
 * A backend hooks in with one test file:
 *
 * ```ts
 * import "@flambeau/backend-webgpu"; // registers the device
 * import { runConformance } from "@flambeau/conformance";
 * runConformance("webgpu", { skipDtypes: ["float64"] });
 * ```
 *
 * @packageDocumentation
 */
export { runConformance, checkCase, casesByOp, type ConformanceOptions } from "./suite.js";
export { OPS, runOp, type OpFn } from "./ops.js";
export { expectTensor, toleranceFor, DEFAULT_TOLERANCE, type Tolerance, type Tolerances } from "./compare.js";
export { registerErrorTests, snapshot, type Snapshot } from "./errors.js";
export { registerBadInputTests, BAD_INPUT_CASES, type BadInputCase, type Involved } from "./bad-input.js";
export { BAD_VALUE_CASES } from "./bad-values.js";
export { WRONG_KIND_CASES } from "./wrong-kinds.js";
export { BAD_OP_CASES } from "./bad-ops.js";
export { BAD_OPTIM_CASES } from "./bad-optim.js";
export { BAD_MODULE_CASES } from "./bad-modules.js";
export {
  loadOpsFixture, loadSpecialFixture, buildInputs, makeTensor, applyTransform, decodeValue, caseDTypes,
  type OpCase, type OpsFixture, type EncodedTensor, type CaseInput, type TensorInput, type ScalarInput,
  type TransformStep, type IndexSpecJSON, type Kwargs, type Operand, type BuiltInputs,
} from "./fixture.js";
