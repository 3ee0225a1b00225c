// The web app: one page (a hash route) per lesson. Workspace packages are read from their
// sources, as the tests read them, so `pnpm --filter @flambeau/web dev` needs no build first
// and a change to a package shows up at once.
import { defineConfig } from "vite";
import { sourceAliases } from "./vite/aliases.js";
import { ISOLATION_HEADERS } from "./vite/isolation.js";

export default defineConfig({
  base: "./",
  resolve: { alias: sourceAliases() },
  build: {
    target: "es2022",
    // Vega, the lessons and Flambeau make a large page; the backends load on demand.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // Lessons print class names (lesson 3's `type(X)` is `X.constructor.name`): minify, but keep them.
    rolldownOptions: { output: { keepNames: true } },
  },
  // Cross-origin isolated, so the CPU backend runs its kernels on worker threads.
  server: { host: "127.0.0.1", headers: ISOLATION_HEADERS },
  preview: { host: "127.0.0.1", headers: ISOLATION_HEADERS },
});
