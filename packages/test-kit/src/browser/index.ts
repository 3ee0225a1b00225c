/**
 * `@flambeau/test-kit/browser`: the one browser harness of the tests. {@link openPage} bundles a
 * test entry with esbuild (or takes a built site), serves it from 127.0.0.1 with Vite's preview
 * server (cross-origin isolated), and opens it in Debian's headless Chromium with WebGL and/or
 * WebGPU on; the page's console errors are kept for the test.
 */
export { openPage, type OpenPage, type PageOptions } from "./open-page.js";
export { bundle } from "./bundle.js";
export { servePage, serveDir, type Served } from "./serve.js";
export { chromiumPath, chromiumArgs, type GpuFlags } from "./chromium.js";
