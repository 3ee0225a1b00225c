// The documentation site (VitePress): guides, the lessons as live tutorials, and the API
// reference that TypeDoc writes into api/ before the build (typedoc.json). Dead links fail the
// build (VitePress's default); TypeDoc fails it on a missing comment or a broken {@link}.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig, type DefaultTheme } from "vitepress";
import { sourceAliases } from "../../apps/web/vite/aliases.js";
import { ISOLATION_HEADERS as ISOLATION } from "../../apps/web/vite/isolation.js";

// The API sidebar TypeDoc's VitePress theme writes; absent before the first `typedoc` run.
const apiSidebarFile = fileURLToPath(new URL("../api/typedoc-sidebar.json", import.meta.url));
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile) ? JSON.parse(readFileSync(apiSidebarFile, "utf8")) : [];

// The lessons run in the browser only: in the server-side (static HTML) build, the web app's
// modules that the tutorials import on mount are empty, so Node never bundles Vega, the GPU
// backends and the lessons.
const LESSONS_CLIENT_ONLY: Plugin = {
  name: "flambeau-lessons-client-only",
  enforce: "pre",
  resolveId(id, _importer, options) {
    if (options?.ssr && /[\\/]apps[\\/]web[\\/]src[\\/]/.test(id)) return "\0flambeau-lesson-stub";
    return null;
  },
  load(id) {
    return id === "\0flambeau-lesson-stub" ? "export {};" : null;
  },
};

const guides: DefaultTheme.SidebarItem[] = [
  {
    text: "Guides",
    items: [
      { text: "Getting started", link: "/guides/getting-started" },
      { text: "Tensors and autograd", link: "/guides/tensors-and-autograd" },
      { text: "Devices: CPU, WebGPU, gpu.js", link: "/guides/devices" },
      { text: "Training a model", link: "/guides/training" },
      { text: "Saving and loading", link: "/guides/saving-and-loading" },
      { text: "Plotting", link: "/guides/plotting" },
      { text: "Porting from PyTorch", link: "/guides/porting-from-pytorch" },
    ],
  },
  { text: "Design", items: [{ text: "The design of Flambeau", link: "/design" }] },
];

const tutorials: DefaultTheme.SidebarItem[] = [
  {
    text: "Tutorials",
    link: "/tutorials/",
    items: [
      { text: "1. Linear regression to deep learning", link: "/tutorials/lesson-1" },
      { text: "2. Gradient descent (crop yields)", link: "/tutorials/lesson-2" },
      { text: "3. Simple linear regression", link: "/tutorials/lesson-3" },
      { text: "4. Neural networks from scratch", link: "/tutorials/lesson-4" },
      { text: "5. On the CPU and a GPU", link: "/tutorials/lesson-5" },
      { text: "6. Handwritten digits (CNN)", link: "/tutorials/lesson-6" },
    ],
  },
];

export default defineConfig({
  title: "Flambeau",
  description: "PyTorch, in TypeScript, for Node and the browser",
  // A static host may serve the site under a sub-path: FLAMBEAU_DOCS_BASE=/flambeau/ pnpm docs:build.
  base: process.env.FLAMBEAU_DOCS_BASE ?? "/",
  outDir: "dist",
  srcExclude: ["test/**", "snippets/**", "typedoc/**", "README.md"],
  lastUpdated: false,
  head: [["link", { rel: "icon", href: "data:," }]],
  themeConfig: {
    nav: [
      { text: "Guides", link: "/guides/getting-started", activeMatch: "^/guides/" },
      { text: "Tutorials", link: "/tutorials/", activeMatch: "^/tutorials/" },
      { text: "API", link: "/api/", activeMatch: "^/api/" },
    ],
    sidebar: {
      "/guides/": guides,
      "/design": guides,
      "/tutorials/": tutorials,
      "/api/": [{ text: "API reference", link: "/api/", items: apiSidebar }],
    },
    search: { provider: "local" },
    outline: { level: [2, 3] },
  },
  vite: {
    // The tutorials run the lesson apps from their sources, as apps/web does.
    resolve: { alias: sourceAliases() },
    plugins: [LESSONS_CLIENT_ONLY],
    // Lessons print class names (lesson 3's `type(X)`): minify, but keep them.
    esbuild: { keepNames: true },
    build: { target: "es2022", chunkSizeWarningLimit: 4000 },
    server: { headers: ISOLATION },
    preview: { headers: ISOLATION },
  },
});
