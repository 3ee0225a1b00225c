// Decision 5 on the CPU: the garbage collector owns memory there, so only the semantics of the
// shared memory-ownership suite apply: what the user holds stays readable, scopes return values.
import { runMemoryConformance } from "@flambeau/test-kit";

runMemoryConformance("cpu", { countsBytes: false });
