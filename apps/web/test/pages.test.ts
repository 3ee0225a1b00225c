// The web app in Debian's Chromium: each lesson page runs its lesson and prints the numbers of
// shared/lessons/README.md (the bands of apps/lesson*/test), draws its figures and live charts,
// and runs on the device the selector says — here the CPU by default, as this Chromium's WebGPU
// and WebGL are SwiftShader (software), and WebGPU and gpu.js when picked. Lesson 4's sliders
// give the MSE that lesson 4's own plot_model gives in Node, and gradient descent finishes the
// job from their start and from whole numbers; lesson 5's saved model downloads, uploads and
// reloads. The code panels show the lesson, not its plumbing. No browser or no WebGPU adapter is
// a failure.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lesson as lesson4, plot_model, type Lesson4Results } from "@flambeau/lesson4-nn-from-scratch";
import { LESSON_FIGURES, lessonSource, runQuietly } from "@flambeau/test-kit/lessons";
import { setupFolds } from "../src/code-folds.js";
import { buildApp } from "./helpers/build.js";
import { charts, DEFAULT_DEVICE, expectLesson1Page, figures, numbers, openLesson, printed, runLessonOn, selectedDevice, waitForRun } from "@flambeau/test-kit/lesson-page";

/** Where the layout tests' screenshots go: out/web/ at the repository's root. */
const SHOTS = fileURLToPath(new URL("../../../out/web/", import.meta.url));

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
// A printed tensor on a GPU device carries `device='…'`.
const DEV = String.raw`(?:, device='\w+')?`;

let open: OpenPage;
let browser: Browser;
let page: Page;
let errors: string[];
// Lesson 4 in Node, for the MSE its plot_model gives at the sliders' positions.
let nodeLesson4: Promise<Lesson4Results["data"]>;

beforeAll(async () => {
  nodeLesson4 = runQuietly(lesson4, { device: "cpu" }).then((run) => run.results.data);
  // Both GPUs of the app on (WebGPU and WebGL2 for gpu.js, on SwiftShader); served as the app's
  // own Vite servers serve it, cross-origin isolated (the CPU's worker threads); the test navigates.
  open = await openPage({ dir: await buildApp(), webgl: true, webgpu: true, isolated: true, viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  ({ browser, page, errors } = open);
}, 60_000);

afterAll(async () => {
  await open?.close();
});

describe("the lesson pages in Chromium", () => {
  it("the home page lists the six lessons and finds WebGPU, gpu.js (WebGL) and the CPU", async () => {
    await page.goto(open.url);
    await page.waitForSelector(".devices:not(:empty)");
    await page.waitForFunction(() => !document.querySelector(".devices")!.textContent!.startsWith("Probing"), null, { timeout: 30_000 });
    expect(await page.locator(".cards li").count()).toBe(6);
    expect(await page.textContent(".devices")).toContain("CPU ✓ · WebGPU ✓ · gpu.js (WebGL) ✓ — lessons run on CPU");
    expect(await page.textContent(".device-note")).toBe(
      "WebGPU and gpu.js (WebGL) run on a software renderer here (SwiftShader), usually slower than the CPU: lessons start on the CPU. Pick one to try it anyway.",
    );
  });

  it("lesson 1 on the CPU, chosen over SwiftShader: NumPy's stream, Adam's optimum, the predictions, six figures, two charts drawn while it trains", async () => {
    await openLesson(page, open.url, 1);
    expect(await selectedDevice(page)).toBe(DEFAULT_DEVICE);
    // Beside the selector, why; the GPU devices stay selectable, marked as software.
    expect(await page.textContent(".toolbar .device-note")).toMatch(/^WebGPU and gpu\.js \(WebGL\) run on a software renderer here \(SwiftShader\)/);
    expect(await page.locator("select[name=device] option").allTextContents()).toEqual([
      "WebGPU — software (SwiftShader)",
      "gpu.js (WebGL) — software (SwiftShader)",
      "CPU",
    ]);
    expect(await page.locator("select[name=device] option:disabled").count()).toBe(0);
    // The CPU loop gives the page turns: mid-run, the chart's label shows a step short of the last.
    await page.waitForFunction(
      () =>
        /running on cpu/.test(document.querySelector(".status")?.textContent ?? "") &&
        /^movies: (?:[1-9]\d{0,2}|[12]\d{3})\/3000/.test(document.querySelector(".flambeau-progress-label")?.textContent ?? ""),
      undefined,
      { timeout: 30_000 },
    );
    await waitForRun(page, "cpu");
    const out = await expectLesson1Page(page);
    expect(out).toContain("{'x': [0, 50, 100], 'y': [20, 95, 170]}");
    const [budget1] = numbers(/budget is 1 \(in millions\): \$(\S+)/.exec(out)![1]!);
    const [budget60] = numbers(/budget is 60 \(in millions\): \$(\S+)/.exec(out)![1]!);
    expect(Math.abs(budget1! - 11.79)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(budget60! - 99.58)).toBeLessThanOrEqual(0.03);
    const [cLoss, cm, cb] = numbers(/^attendance: .*$/m.exec(out)![0]);
    expect(Math.abs(cm! - 1.4982073804652212)).toBeLessThan(1e-3);
    expect(Math.abs(cb! - 19.263935424113093)).toBeLessThan(1e-2);
    expect(rel(cLoss!, 2998.3517362130215)).toBeLessThan(1e-4);
    expect((await figures(page))[0]!.titles.join(" ")).toBe("Movie Budget and Revenue (in millions)");
  }, 90_000);

  it("lesson 2 on gpu.js (WebGL2), from the weights the lesson printed: its exact losses and gradients", async () => {
    await openLesson(page, open.url, 2);
    expect(await selectedDevice(page)).toBe(DEFAULT_DEVICE);
    await waitForRun(page, DEFAULT_DEVICE);
    await page.selectOption("select[name=device]", "gpujs");
    await page.check("input[name=startFromLessonValues]");
    // The device change and the checkbox each start a run; the second stops the first.
    const run = await waitForRun(page, "gpujs", 2);
    console.log(`lesson 2 on gpu.js: ${run.seconds.toFixed(1)} s`);
    expect(run.status).toContain("gpu.js mode webgl2");
    const out = await printed(page);
    expect(out).toContain("tensor([[ 1.0522, -1.1931,  0.3418],\n        [ 0.5824,  0.0763, -1.6385]], device='gpujs', requires_grad=True)");
    const losses = [...out.matchAll(new RegExp(String.raw`tensor\(([\d.]+)${DEV}, grad_fn=<DivBackward0>\)`, "g"))].map((m) => Number(m[1]));
    // First loss, printed twice, then after one step, two steps, 100 more epochs.
    [14603, 14603, 10696, 8052.7, 876.08].forEach((want, i) => expect(rel(losses[i]!, want)).toBeLessThan(1e-3));
    const wGrad = new RegExp(String.raw`gradient for weight\ntensor\([^)]*\)\ntensor\(\[\[([^\]]+)\]`).exec(out)![1]!;
    numbers(wGrad).forEach((g, i) => expect(rel(g, [-5337.0, -8018.7, -4427.6][i]!)).toBeLessThan(1e-3));
    const bGrad = new RegExp(String.raw`gradient for biases\ntensor\([^)]*\)\ntensor\(\[([^\]]+)\]`).exec(out)![1]!;
    numbers(bGrad).forEach((g, i) => expect(rel(g, [-68.7, -127.24][i]!)).toBeLessThan(1e-3));
    expect(out.match(/^Epoch \[\d+\/500\], Loss: \d+\.\d{4}$/gm)).toHaveLength(50);
    const prediction = new RegExp(String.raw`tensor\(\[\[([-\d.]+), +([-\d.]+)\]\]${DEV}, grad_fn=<AddBackward0>\)\n?$`).exec(out)!;
    expect(Math.abs(Number(prediction[1]) - 53)).toBeLessThanOrEqual(10);
    expect(Math.abs(Number(prediction[2]) - 67)).toBeLessThanOrEqual(10);
    const [fit] = await charts(page);
    expect(fit!.label).toMatch(/^fit: 500\/500/);
    expect(fit!.vertices).toBeGreaterThan(1);
  }, 90_000);

  it("lesson 3 on WebGPU, when picked: 30 decreasing losses, the line near 0.5x - 1, the detach error", async () => {
    const { out, status } = await runLessonOn(page, open.url, 3, "webgpu");
    expect(status).toMatch(/ran on webgpu \(adapter: /);
    const losses = (out.match(/^Epoch \d+\/30, Loss: \d+\.\d{4}$/gm) ?? []).map((l) => numbers(l)[2]!);
    expect(losses).toHaveLength(30);
    for (let i = 1; i < 30; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1]!);
    expect(losses[29]).toBeLessThan(losses[0]! / 2);
    expect(out).toMatch(/RuntimeError: .*requires grad.*detach\(\)/);
    const [w, b] = numbers(/^\[(\S+)\] \[(\S+)\]\n?$/m.exec(out)![0]);
    expect(Math.abs(w! - 0.5)).toBeLessThanOrEqual(0.35);
    expect(Math.abs(b! + 1)).toBeLessThanOrEqual(0.35);
    const figs = await figures(page);
    expect(figs.map((f) => f.name)).toEqual(["data", "loss-per-iteration", "fitted-line"]);
    for (const f of figs) expect(f.marks).toBeGreaterThan(0);
  }, 90_000);

  it("lesson 4 on the CPU: its numbers; the sliders give plot_model's MSE; gradient descent finishes the job from any of them", async () => {
    const { out } = await runLessonOn(page, open.url, 4, "cpu");
    expect(out).toContain("tensor(705.0965)");
    expect(out).toContain("w = 0, b = 0: MSE: 436.41");
    expect(out).toContain("w = 2, b = 20: MSE: 1.02");
    const [dw, db] = numbers(/^\{'w': tensor\((\S+)\), 'b': tensor\((\S+)\)\}$/m.exec(out)![0]);
    expect(Math.abs(dw! + 28.400166)).toBeLessThan(1e-3);
    expect(Math.abs(db! + 39.119617)).toBeLessThan(1e-3);
    const theta = [...out.matchAll(/^\{'w': tensor\((\S+)\), 'b': tensor\((\S+)\)\}$/gm)].at(-1)!;
    expect(Math.abs(Number(theta[1]) - 1.970267)).toBeLessThan(1e-3);
    expect(Math.abs(Number(theta[2]) - 20.007062)).toBeLessThan(1e-2);
    expect((await figures(page)).map((f) => f.name)).toEqual(LESSON_FIGURES["lesson4-nn-from-scratch"]);
    expect((await charts(page))[0]!.vertices).toBe(3000);

    // Optimize the model by hand: the page's title is what plot_model gives in Node.
    await page.waitForSelector(".by-hand:not([hidden])[data-drawn='0,0']");
    expect(await page.textContent(".by-hand .mse")).toBe("MSE: 436.41");
    const data = await nodeLesson4;

    // Gradient descent from where the sliders are: the line and sliders move, and land near w = 2, b = 20.
    const descend = async () => {
      const drawsBefore = Number(await page.getAttribute(".by-hand", "data-draws"));
      await page.click("text=Let gradient descent finish the job");
      await page.waitForSelector(".by-hand button.descend:disabled");
      await page.waitForSelector(".by-hand button.descend:enabled", { timeout: 30_000 });
      const found = (await page.textContent(".by-hand .found"))!;
      expect(found).toMatch(/^gradient descent: w = /); // not "gradient descent failed: …"
      const [w, b] = numbers(found);
      expect(Math.abs(w! - 2)).toBeLessThan(0.1);
      expect(Math.abs(b! - 20)).toBeLessThan(0.1);
      // The sliders show the nearest of their 0.1 steps.
      expect(Math.abs(Number(await page.inputValue(".by-hand input[name=w]")) - w!)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(Number(await page.inputValue(".by-hand input[name=b]")) - b!)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Number(await page.getAttribute(".by-hand", "data-draws")) - drawsBefore).toBeGreaterThan(3);
      expect(await page.textContent(".by-hand .mse")).toBe((await plot_model(data.x, data.y, w!, b!)).title);
      const descents = await charts(page, ".by-hand ");
      expect(descents).toHaveLength(1); // each descent redraws its chart
      expect(descents[0]!.label).toMatch(/^gradient descent: 3000\/3000/);
      expect(descents[0]!.vertices).toBe(3000);
    };
    // From the sliders' start, (0, 0): whole numbers, as a learner first meets them.
    await descend();

    const slide = async (w: number, b: number) => {
      await page.fill(".by-hand input[name=w]", String(w));
      await page.fill(".by-hand input[name=b]", String(b));
      await page.waitForSelector(`.by-hand[data-drawn='${w},${b}']`);
      const want = (await plot_model(data.x, data.y, w, b)).title;
      expect(await page.textContent(".by-hand .mse")).toBe(want);
      expect(await page.textContent(".by-hand .by-hand-figure .role-title-text text")).toBe(want);
    };
    await slide(2.5, 19.5);
    // Whole numbers again, then a fractional start.
    await slide(-7, 25);
    await descend();
    await slide(-3.7, 12.3);
    await descend();
  }, 120_000);

  it("lesson 5 on WebGPU: trains, saves a download, reloads it identically, and loads an uploaded file instead", async () => {
    const { out, runs } = await runLessonOn(page, open.url, 5, "webgpu");
    const epochs = out.match(/^epoch \d+, loss \S+$/gm)!;
    expect(epochs).toHaveLength(200);
    expect(numbers(epochs[99]!)[1]).toBeLessThan(0.1);
    expect(numbers(epochs[199]!)[1]).toBeLessThan(0.1);
    const predicted = numbers(/^epoch 100, loss \S+\n\[([^\]]+)\]/m.exec(out)![1]!);
    expect(predicted).toHaveLength(11);
    predicted.forEach((p, i) => expect(Math.abs(p - (2 * i + 1))).toBeLessThan(0.5));
    expect(out).toContain("device: webgpu");
    expect(await page.getAttribute(".reload-check", "data-identical")).toBe("true");
    expect(await page.textContent(".output .flambeau-note[data-origin]")).toContain("from the bytes saved above");

    // The download is the state dict in safetensors.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a.flambeau-download")]);
    expect(download.suggestedFilename()).toBe("awesome_model.safetensors");
    const bytes = readFileSync(await download.path());
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8")) as Record<string, { shape: number[]; data_offsets: number[] }>;
    expect(header["linear.weight"]!.shape).toEqual([1, 1]);
    expect(header["linear.bias"]!.shape).toEqual([1]);

    // Another model's file (its weight changed) loads instead: the predictions differ.
    const other = Buffer.from(bytes);
    other.writeFloatLE(-1, 8 + headerLength + header["linear.weight"]!.data_offsets[0]!);
    await page.setInputFiles("input[name=model]", { name: "other.safetensors", mimeType: "application/octet-stream", buffer: other });
    await waitForRun(page, "webgpu", runs + 1);
    expect(await page.textContent(".output .flambeau-note[data-origin]")).toContain("your uploaded file other.safetensors");
    expect(await page.getAttribute(".reload-check", "data-identical")).toBe("false");

    // The downloaded file, uploaded: the same predictions as the model just trained.
    await page.setInputFiles("input[name=model]", { name: "awesome_model.safetensors", mimeType: "application/octet-stream", buffer: bytes });
    await waitForRun(page, "webgpu", runs + 2);
    expect(await page.getAttribute(".output .flambeau-note[data-origin]", "data-origin")).toBe("uploaded");
    expect(await page.getAttribute(".reload-check", "data-identical")).toBe("true");
    const figs = await figures(page);
    expect(figs.map((f) => f.name)).toEqual(["simple-linear-regression", "predictions"]);
    for (const f of figs) expect(f.marks).toBeGreaterThan(0);
  }, 90_000);

  it("lesson 4's code panel: the lesson's title and file, its code first, the setup folded and true to the file when opened", async () => {
    await openLesson(page, open.url, 4);
    await waitForRun(page, DEFAULT_DEVICE);
    const text = lessonSource("lesson4-nn-from-scratch");
    const source = text.replace(/\n$/, "").split("\n");
    const [head, entry] = setupFolds(text);
    // 1-based: the first line after the header's fold is the first line shown.
    const firstShown = head!.last + 2;
    expect(await page.textContent(".code-pane h2")).toBe("“Neural Networks from Scratch”, ported: lesson.ts");
    // What a learner sees: no internal file name, no imports, and the lesson's code from its first shown line.
    const seen = await page.innerText("article");
    expect(seen).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(seen).toContain("A line-by-line port of “Neural Networks from Scratch” to TypeScript with Flambeau.");
    const shown = () => page.$$eval(".code-view .line:not([hidden])", (ls) => ls.map((l) => [Number((l as HTMLElement).dataset.n), l.textContent ?? ""] as const));
    const lines = await shown();
    expect(lines.some(([, t]) => /^import /.test(t))).toBe(false);
    expect(head!.first).toBe(0);
    expect(lines[0]).toEqual([firstShown, source[firstShown - 1]]);
    const folds = page.locator(".code-view button.fold");
    expect(await folds.allTextContents()).toEqual([
      `▸ setup: the port's header and imports (lines 1–${head!.last + 1})`,
      `▸ setup: the results the tests check, the seed, the lesson's name and source, its entry point (lines ${entry!.first + 1}–${entry!.last + 1})`,
    ]);
    // Opened, every line is the file's, numbered as in the file.
    await folds.nth(0).click();
    await folds.nth(1).click();
    expect(await shown()).toEqual(source.map((t, n) => [n + 1, t]));
    expect(await folds.nth(0).getAttribute("aria-expanded")).toBe("true");
    await folds.nth(0).click();
    expect((await shown())[0]).toEqual([firstShown, source[firstShown - 1]]);
  }, 60_000);

  // Phone and desktop widths: nothing wider than the screen, the navigation on it; screenshots
  // go to out/web/ to look at.
  for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1400, height: 900 }]] as const) {
    it(`at ${name} width (${viewport.width} px) the home page and lesson 4 fit the screen, the navigation whole`, async () => {
      const context = await browser.newContext({ viewport });
      const small = await context.newPage();
      small.on("pageerror", (e) => errors.push(String(e)));
      try {
        const fits = async (shot: string) => {
          const widths = await small.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: innerWidth }));
          expect(widths.scroll, `${shot}: the page is ${widths.scroll} px wide on a ${widths.inner} px screen`).toBeLessThanOrEqual(widths.inner);
          expect(await small.isVisible("nav.site-nav")).toBe(true);
          const links = await small.$$eval("nav.site-nav a", (as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
          expect(links).toHaveLength(7);
          for (const box of links) {
            expect(box.left).toBeGreaterThanOrEqual(0);
            expect(box.right).toBeLessThanOrEqual(viewport.width);
            expect(box.top).toBeGreaterThanOrEqual(0);
            expect(box.bottom).toBeLessThanOrEqual(viewport.height);
          }
          mkdirSync(SHOTS, { recursive: true });
          await small.screenshot({ path: join(SHOTS, `${shot}-${name}.png`) });
          await small.screenshot({ path: join(SHOTS, `${shot}-${name}-full.png`), fullPage: true });
        };
        await small.goto(open.url);
        await small.waitForFunction(() => !document.querySelector(".devices")!.textContent!.startsWith("Probing"), null, { timeout: 30_000 });
        await fits("home");
        await openLesson(small, open.url, 4);
        await waitForRun(small, DEFAULT_DEVICE);
        await small.waitForSelector(".by-hand:not([hidden])[data-drawn='0,0']");
        await fits("lesson4");
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it("no page error or console error along the way", () => {
    expect(errors).toEqual([]);
  });
});
