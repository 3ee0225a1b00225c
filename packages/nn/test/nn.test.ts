import "@flambeau/backend-cpu";
import { runNnConformance } from "@flambeau/test-kit";

runNnConformance("cpu");
