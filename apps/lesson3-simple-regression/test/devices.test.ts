// Lesson 3 with --device webgpu and --device gpujs: the whole lesson runs there with the CPU
// run's checks (checks.ts), its numbers read back asynchronously from the device.
import { describeOnGpus } from "@flambeau/test-kit/lessons/devices";
import { lesson } from "../src/index.js";
import { lesson3Checks } from "./checks.js";

describeOnGpus("lesson 3", lesson, (_, get) => lesson3Checks(get));
