// The shared op conformance suite (DESIGN.md, Decision 7) on the CPU backend: every op of
// fixtures/ops.json against PyTorch, forward and backward, plus the error cases.
import "@flambeau/backend-cpu";
import { runConformance } from "@flambeau/conformance";

runConformance("cpu");
