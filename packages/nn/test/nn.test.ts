import "@flambeau/backend-cpu";
import { runNnConformance } from "./conformance.js";

runNnConformance("cpu");
