// Lesson 1 with --device webgpu and --device gpujs: the whole lesson runs there with the CPU
// run's checks (checks.ts): Adam's least-squares fits, the predictions, the figures. Its 6000
// Adam steps (~50 kernels and 3 reads each) make it the slowest lesson on these devices.
import { describeOnGpus } from "@flambeau/test-kit/lessons/devices";
import { lesson } from "../src/index.js";
import { lesson1Checks } from "./checks.js";

describeOnGpus("lesson 1", lesson, (_, get) => lesson1Checks(get));
