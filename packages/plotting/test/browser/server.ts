// A static server on 127.0.0.1 for the test page and its bundle, built with esbuild as an app
// would build it for the browser.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>plotting</title></head>
<body style="margin:0;background:#fff"><div id="chart" style="width:640px;height:400px"></div>
<div id="figure"></div><script type="module" src="/bundle.js"></script></body></html>`;

/** Bundles the page script for the browser. */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./page-entry.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** Serves the page and `bundle` until closed; resolves to its URL. */
export async function servePage(bundle: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === "/") res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    else if (req.url === "/bundle.js") res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
