#!/usr/bin/env node
/**
 * `pnpm demo [N…] [--device cpu|webgpu|gpujs|gpu] [--seed N] [--lesson-values] [--epochs N] [--out DIR]`:
 * runs the lessons in Node, printing what they print and writing their figures to
 * `out/<lesson>/*.svg|png`.
 */
import { main } from "@flambeau/lesson-kit/node";
import { LESSONS } from "./lessons.js";

process.exitCode = await main(LESSONS, process.argv.slice(2), "pnpm demo");
