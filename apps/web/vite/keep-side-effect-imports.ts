// Rolldown (Vite 8) drops `import "./methods.js"` when the importing module is side-effect-free
// by its package.json, even though the imported module is listed in `sideEffects` — so
// @flambeau/tensor's index lost its Tensor methods. A workspace module with a bare import
// exists to run that import's effects: it is marked as having side effects itself.
import type { Plugin } from "vite";

const BARE_IMPORT = /^\s*import\s+["'][^"']+["'];?\s*$/m;

/** A Vite plugin that keeps bare (side-effect) imports of the workspace's own modules. */
export function keepSideEffectImports(workspaceRoot: string): Plugin {
  return {
    name: "flambeau:keep-side-effect-imports",
    transform(code, id) {
      if (!id.startsWith(workspaceRoot) || id.includes("/node_modules/") || !BARE_IMPORT.test(code)) return null;
      return { code, moduleSideEffects: true, map: null };
    },
  };
}
