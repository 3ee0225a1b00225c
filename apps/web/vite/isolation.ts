// The headers that make a page cross-origin isolated. SharedArrayBuffer, and with it the CPU
// backend's worker threads, exists only on such pages; without them the CPU runs on one thread.
export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};
