/**
 * `@flambeau/lesson-kit/node`: running lessons in Node — printed text on the terminal, figures
 * as `out/<slug>/<name>.svg|png`, progress bars with the current loss, `torch.save` files, and
 * the `pnpm demo` command line.
 *
 * @packageDocumentation
 */
export { NodeHost, type NodeHostOptions } from "./host.js";
export { runInNode, type NodeRunOptions, type NodeRunResult } from "./run.js";
export { main, parseArgs, usage, type CliArgs } from "./cli.js";
export { TerminalProgress, NO_PROGRESS } from "./progress.js";
export { writeFigureFiles } from "./figures.js";
