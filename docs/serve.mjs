// Serves the built site (docs/dist) as a static host would, under its base path, with the
// COOP/COEP headers that make the page cross-origin isolated (SharedArrayBuffer, so the CPU
// backend's worker threads). `pnpm docs:preview` runs it; the site's browser test uses it too.
//   node docs/serve.mjs [--port 4173] [--base /flambeau/]
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".wasm": "application/wasm",
};

/** The headers that make a page cross-origin isolated. */
export const ISOLATION = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };

/**
 * Serves `dir` at `base` (e.g. "/" or "/flambeau/") on 127.0.0.1; resolves to the site's URL
 * and a `close()`. A path without an extension is tried as `path.html`, as static hosts do.
 */
export async function serveSite(dir, { base = "/", port = 0 } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!path.startsWith(base)) return void res.writeHead(404, ISOLATION).end();
    const rel = normalize(`/${path.slice(base.length)}`).replace(/^(\.\.[/\\])+/, "");
    const candidates = rel.endsWith("/") ? [`${rel}index.html`] : extname(rel) ? [rel] : [`${rel}.html`, `${rel}/index.html`];
    const tryNext = (i) => {
      if (i === candidates.length) return void res.writeHead(404, ISOLATION).end();
      const file = join(dir, candidates[i]);
      readFile(file).then(
        (body) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...ISOLATION }).end(body),
        () => tryNext(i + 1),
      );
    };
    tryNext(0);
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const dist = fileURLToPath(new URL("./dist/", import.meta.url));
  const site = await serveSite(dist, { base: arg("base", process.env.FLAMBEAU_DOCS_BASE ?? "/"), port: Number(arg("port", 4173)) });
  console.log(`The documentation site (${dist}) at ${site.url}`);
}
