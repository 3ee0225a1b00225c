// gpu.js (WebGL) beside TensorFlow.js's WebGL backend, both in one headless Chromium page
// (WebGL2 through SwiftShader, its software GPU, unless the machine gives Chromium a real one):
// square matmuls and the MLP 784-256-256-10 training step, each timed with its readback.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const PAGE_SCRIPT = `
import * as torch from "flambeau";
import { mode } from "@flambeau/backend-gpujs";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-webgl";
import { flambeauMlpStep, tfjsMlpStep } from "./mlp-steps.mjs";
import { flambeauMath, mathInput, tfjsMath } from "./math-chain.mjs";

async function median(fn, repeats = 5) {
  await fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

window.bench = {
  async setup() {
    await tf.setBackend("webgl");
    await tf.ready();
    return { gpujs: mode(), tfjs: tf.getBackend() };
  },
  async matmul(n) {
    const a = torch.randn([n, n], { device: "gpujs" }), b = torch.randn([n, n], { device: "gpujs" });
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    const repeats = n >= 1024 ? 3 : 5;
    const ours = await median(() => a.matmul(b).dataSync(), repeats);
    // Not tf.tidy(() => ….dataSync()): tidy would walk the returned array key by key.
    const peer = await median(() => {
      const c = tf.matMul(ta, tb);
      c.dataSync();
      c.dispose();
    }, repeats);
    tf.dispose([ta, tb]);
    return { ours, peer };
  },
  async math() {
    const values = mathInput();
    const x = torch.tensor(values, { device: "gpujs" }), tx = tf.tensor1d(values);
    const check = [await flambeauMath(x), await tfjsMath(tf, tx)];
    const ours = await median(() => flambeauMath(x)), peer = await median(() => tfjsMath(tf, tx));
    tx.dispose();
    return { ours, peer, check };
  },
  async mlp() {
    const ours = flambeauMlpStep(torch, { device: "gpujs" }), peer = tfjsMlpStep(tf);
    return { ours: await median(ours), peer: await median(peer) };
  },
};
document.body.dataset.ready = "yes";
`;

// WebGL must stay on (no --disable-gpu): SwiftShader renders it where there is no GPU.
const ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--no-first-run"];

async function openBenchPage() {
  const bundled = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "js" },
    bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
  });
  const js = bundled.outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === "/bundle.js") res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    else res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><body><script type="module" src="/bundle.js"></script></body>');
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ARGS });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector("body[data-ready=yes]", { state: "attached", timeout: 60_000 });
  return { page, close: async () => { await browser.close(); server.close(); } };
}

export async function gpujs() {
  const { page, close } = await openBenchPage();
  try {
    const backends = await page.evaluate(() => window.bench.setup());
    console.log(`gpujs bench in Chromium: flambeau on gpu.js '${backends.gpujs}', tfjs on '${backends.tfjs}'`);
    const rows = [];
    for (const n of [256, 512, 1024]) {
      const { ours, peer } = await page.evaluate((size) => window.bench.matmul(size), n);
      const gflops = (ms) => (2 * n ** 3) / (ms * 1e6);
      console.log(`matmul ${n} (with readback): gpujs ${ours.toFixed(1)} ms, tfjs-webgl ${peer.toFixed(1)} ms`);
      rows.push({
        name: `matmul ${n}x${n} on WebGL (${backends.gpujs})`, unit: "GFLOP/s", peerName: "tfjs-webgl", digits: 2,
        ours: gflops(ours), peer: gflops(peer), higherIsBetter: true, target: "",
      });
    }
    const math = await page.evaluate(() => window.bench.math());
    const [a, c] = math.check;
    if (Math.abs(a - c) > 1e-3 * Math.abs(c)) throw new Error(`gpujs elementwise math: results disagree (${a} vs ${c})`);
    console.log(`elementwise math on WebGL: gpujs ${math.ours.toFixed(1)} ms, tfjs-webgl ${math.peer.toFixed(1)} ms`);
    rows.push({ name: "sin-tanh-erf-sigmoid-exp-log1p-atan2 on 262144, WebGL", unit: "ms", peerName: "tfjs-webgl", ours: math.ours, peer: math.peer, target: "" });
    const { ours, peer } = await page.evaluate(() => window.bench.mlp());
    console.log(`mlp step on WebGL: gpujs ${ours.toFixed(1)} ms, tfjs-webgl ${peer.toFixed(1)} ms`);
    rows.push({ name: "MLP 784-256-256-10 step on WebGL, batch 128", unit: "ms", peerName: "tfjs-webgl", ours, peer, target: "" });
    return rows;
  } finally {
    await close();
  }
}
