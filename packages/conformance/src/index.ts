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
export { registerBadInputTests, type BadInputCase, type Involved } from "./bad-input.js";
export { BAD_INTEGER_CASES } from "./bad-integers.js";
export { BAD_OPERAND_CASES } from "./bad-operands.js";
export { BAD_CREATION_CASES } from "./bad-creation.js";
export { BAD_AUTOGRAD_CASES } from "./bad-autograd.js";
export { BAD_DEVICE_CASES } from "./bad-devices.js";
export { BAD_IO_CASES } from "./bad-io.js";
export { BAD_CONV_CASES } from "./bad-conv.js";
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
