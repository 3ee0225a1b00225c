/**
 * A lesson's page: the port's code beside its live output, a device selector, and what the
 * lesson's extension adds. The lesson runs when the page opens and again on every change.
 */
import type { DeviceName, LessonOptions } from "@flambeau/lesson-kit";
import { FileShelf, OutputPane, runInBrowser } from "@flambeau/lesson-kit/browser";
import type { LessonEntry } from "./catalogue.js";
import { codeView } from "./code-view.js";
import { devicePicker } from "./device-picker.js";
import { deviceDetail, deviceMenu, LOADERS, softwareNote } from "./devices.js";
import { el } from "./dom.js";
import { SingleRun } from "./single-run.js";

/** An open page: closing it stops its run. */
export interface OpenPage {
  close(): Promise<void>;
}

/** How a lesson page is built. */
export interface LessonPageOptions {
  /**
   * Only the run: the toolbar, the lesson's own panel and its output, with no title and no code
   * pane — for a page that tells the lesson around it (the documentation site's tutorials).
   */
  embedded?: boolean;
}

/**
 * Builds `entry`'s page in `root` and starts the lesson on the best device.
 *
 * @example
 * ```ts
 * const page = await lessonPage(document.querySelector("main")!, CATALOGUE[0]!);
 * await page.close();
 * ```
 */
export async function lessonPage(root: HTMLElement, entry: LessonEntry, { embedded = false }: LessonPageOptions = {}): Promise<OpenPage> {
  const { lesson } = entry;
  const runs = new SingleRun();
  const files = new FileShelf();
  const options: LessonOptions = {};

  const status = el("span", { className: "status", role: "status" }, "probing devices…");
  const rerun = el("button", { type: "button", className: "run" }, "Run again");
  const toolbar = el("div", { className: "toolbar" }, el("label", {}, "Device "), rerun, status);
  const panel = el("div", { className: "extension" });
  const output = new OutputPane(el("div", { className: "output" }));
  const source = lesson.source.url ? el("a", { href: lesson.source.url }, `“${lesson.source.title}”`) : `“${lesson.source.title}”`;
  const outputPane = el("section", { className: "output-pane" }, panel, el("h2", {}, "Output"), output.element);
  const article = embedded
    ? el("article", { className: "lesson embedded" }, toolbar, outputPane)
    : el(
    "article",
    { className: "lesson" },
    el(
      "header",
      { className: "lesson-head" },
      el("p", { className: "kicker" }, `Lesson ${lesson.id}`),
      el("h1", {}, lesson.title),
      lesson.source.file
        ? el("p", { className: "source" }, "A line-by-line port of ", source, " to TypeScript with Flambeau.")
        : el("p", { className: "source" }, "Written for Flambeau as a PyTorch lesson would be, after ", source, "."),
      toolbar,
    ),
    el(
      "div",
      { className: "panes" },
      el(
        "section",
        { className: "code-pane" },
        el("h2", {}, lesson.source.file ? `“${lesson.source.title}”, ported: ` : "The lesson: ", el("code", { title: entry.path }, entry.path.split("/").at(-1)!)),
        codeView(entry.source),
      ),
      outputPane,
    ),
  );
  article.dataset.lesson = String(lesson.id);
  article.dataset.state = "idle";
  let completed = 0;
  root.replaceChildren(article);

  for (const toggle of entry.toggles ?? []) {
    const box = el("input", { type: "checkbox", name: toggle.option });
    box.addEventListener("change", () => {
      options[toggle.option] = box.checked;
      void run();
    });
    rerun.before(el("label", { className: "toggle" }, box, ` ${toggle.label}`));
  }

  const menu = await deviceMenu();
  const picker = devicePicker(menu);
  toolbar.querySelector("label")!.append(picker);
  const note = softwareNote(menu);
  if (note) toolbar.querySelector("label")!.after(el("span", { className: "device-note" }, note));
  const hooks = entry.extension?.({ panel, files, runs, rerun: () => void run() }) ?? {};

  // The page says what it is doing on the article (data-state, data-device, data-runs: runs
  // completed) and in the status line.
  const setState = (state: string, text: string) => {
    article.dataset.state = state;
    status.textContent = text;
  };

  async function run(): Promise<void> {
    const device = picker.value as DeviceName;
    await runs.start(async (signal) => {
      output.clear();
      hooks.beforeRun?.();
      delete article.dataset.device;
      setState("running", `running on ${device}…`);
      try {
        const done = await runInBrowser(lesson, { device, loaders: LOADERS, output, files, signal, options: { ...options } });
        const ran = done.device.type as DeviceName;
        article.dataset.device = ran;
        article.dataset.runs = String(++completed);
        setState("done", `ran on ${ran} (${await deviceDetail(ran)}) in ${done.seconds.toFixed(1)} s`);
        await hooks.afterRun?.(done, signal);
      } catch (e) {
        if (signal.aborted) return;
        console.error(e);
        output.block("pre", "flambeau-error").textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        setState("failed", `failed on ${device}`);
      }
    });
  }

  picker.addEventListener("change", () => void run());
  rerun.addEventListener("click", () => void run());
  void run();
  return { close: () => runs.stop() };
}
