/** `pnpm start` in this folder: runs lesson 6 in Node (`--device`, `--seed`, `--out` as `pnpm demo`). */
import { main } from "@flambeau/lesson-kit/node";
import { lesson } from "./lesson.js";

process.exitCode = await main([lesson], process.argv.slice(2), "lesson6");
