/**
 * `@flambeau/lesson-kit/browser`: running lessons in a page — printed text, figures and live
 * loss charts in an output pane, in order; `torch.save` as a download and `torch.load` from it
 * or from an upload.
 *
 * @example
 * ```ts
 * import { runInBrowser } from "@flambeau/lesson-kit/browser";
 * const loaders = { webgpu: () => import("@flambeau/backend-webgpu"), gpujs: () => import("@flambeau/backend-gpujs") };
 * await runInBrowser(lesson, { loaders, output: document.querySelector<HTMLElement>("#output")! });
 * ```
 *
 * @packageDocumentation
 */
export { BrowserHost, type BrowserHostOptions } from "./host.js";
export { runInBrowser, type BrowserRunOptions, type BrowserRunResult } from "./run.js";
export { OutputPane } from "./output.js";
export { ChartProgress } from "./progress.js";
export { FileShelf, type ShelfFile } from "./files.js";
