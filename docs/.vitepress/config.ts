// The documentation site (VitePress): guides, the lessons as live tutorials, and the API
// reference that TypeDoc writes into api/ before the build (typedoc.json). Dead links fail the
// build (VitePress's default); TypeDoc fails it on a missing comment or a broken {@link}.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type DefaultTheme } from "vitepress";
import { sourceAliases } from "../../apps/web/vite/aliases.js";

// SharedArrayBuffer (the CPU backend's worker threads) needs a cross-origin isolated page.
const ISOLATION = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };

// The API sidebar TypeDoc's VitePress theme writes; absent before the first `typedoc` run.
const apiSidebarFile = fileURLToPath(new URL("../api/typedoc-sidebar.json", import.meta.url));
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile) ? JSON.parse(readFileSync(apiSidebarFile, "utf8")) : [];

const guides: DefaultTheme.SidebarItem[] = [
  {
    text: "Guides",
    items: [{ text: "Porting from PyTorch", link: "/guides/porting-from-pytorch" }],
  },
  { text: "Design", items: [{ text: "The design of Flambeau", link: "/design" }] },
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
      { text: "Guides", link: "/guides/porting-from-pytorch", activeMatch: "^/guides/" },
      { text: "API", link: "/api/", activeMatch: "^/api/" },
    ],
    sidebar: {
      "/guides/": guides,
      "/design": guides,
      "/api/": [{ text: "API reference", link: "/api/", items: apiSidebar }],
    },
    search: { provider: "local" },
    outline: { level: [2, 3] },
  },
  vite: {
    resolve: { alias: sourceAliases() },
    server: { headers: ISOLATION },
    preview: { headers: ISOLATION },
  },
});
