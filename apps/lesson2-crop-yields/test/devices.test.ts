// Lesson 2 with --device webgpu and --device gpujs, started from the weights the lesson printed:
// the same exact numbers and bands as on the CPU (checks.ts), read back asynchronously, and
// every printed tensor names its device.
import { describeOnGpus } from "@flambeau/test-kit/lessons/devices";
import { lesson } from "../src/index.js";
import { lesson2Checks } from "./checks.js";

describeOnGpus("lesson 2", lesson, lesson2Checks, { options: { startFromLessonValues: true } });
