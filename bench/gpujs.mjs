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

const SIZES = [784, 256, 256, 10], BATCH = 128;

function flambeauStep() {
  torch.manual_seed(0);
  const model = new torch.nn.Sequential(
    new torch.nn.Linear(SIZES[0], SIZES[1]), new torch.nn.ReLU(),
    new torch.nn.Linear(SIZES[1], SIZES[2]), new torch.nn.ReLU(),
    new torch.nn.Linear(SIZES[2], SIZES[3]),
  ).to("gpujs");
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const lossFn = new torch.nn.CrossEntropyLoss();
  const x = torch.randn([BATCH, SIZES[0]], { device: "gpujs" });
  const y = torch.randint(0, SIZES[3], [BATCH], { device: "gpujs" });
  return () => {
    opt.zero_grad();
    const loss = lossFn(model(x), y);
    loss.backward();
    opt.step();
    return loss.itemSync();
  };
}

function tfjsStep() {
  const dense = (i, o) => [tf.variable(tf.randomUniform([i, o], -1 / Math.sqrt(i), 1 / Math.sqrt(i))), tf.variable(tf.zeros([o]))];
  const layers = [dense(SIZES[0], SIZES[1]), dense(SIZES[1], SIZES[2]), dense(SIZES[2], SIZES[3])];
  const vars = layers.flat();
  const opt = tf.train.sgd(0.01);
  const x = tf.randomNormal([BATCH, SIZES[0]]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, SIZES[3], "int32"), SIZES[3]);
  return () => {
    const cost = opt.minimize(() => {
      let h = x;
      layers.forEach(([w, b], i) => {
        h = tf.add(tf.matMul(h, w), b);
        if (i < layers.length - 1) h = tf.relu(h);
      });
      return tf.losses.softmaxCrossEntropy(y, h);
    }, true, vars);
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  };
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
    const peer = await median(() => tf.tidy(() => tf.matMul(ta, tb).dataSync()), repeats);
    tf.dispose([ta, tb]);
    return { ours, peer };
  },
  async mlp() {
    const ours = flambeauStep(), peer = tfjsStep();
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
    const { ours, peer } = await page.evaluate(() => window.bench.mlp());
    console.log(`mlp step on WebGL: gpujs ${ours.toFixed(1)} ms, tfjs-webgl ${peer.toFixed(1)} ms`);
    rows.push({ name: "MLP 784-256-256-10 step on WebGL, batch 128", unit: "ms", peerName: "tfjs-webgl", ours, peer, target: "" });
    return rows;
  } finally {
    await close();
  }
}
