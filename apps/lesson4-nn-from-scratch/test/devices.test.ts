// Lesson 4 with --device webgpu and --device gpujs: the whole lesson runs there with the CPU
// run's checks (checks.ts), its numbers read back asynchronously, its tensors printed with
// their device.
import { describeOnGpus } from "@flambeau/test-kit/lessons/devices";
import { lesson } from "../src/index.js";
import { lesson4Checks } from "./checks.js";

describeOnGpus("lesson 4", lesson, lesson4Checks);
