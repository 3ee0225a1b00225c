/** The home page: the six lessons, and which devices this browser offers. */
import { CATALOGUE } from "./catalogue.js";
import { DEVICE_LABELS, deviceMenu, softwareNote } from "./devices.js";
import { el } from "./dom.js";

/**
 * Fills `root` with the lesson list; the device line appears once the devices are probed.
 *
 * @example
 * ```ts
 * indexPage(document.querySelector("main")!);
 * ```
 */
export function indexPage(root: HTMLElement): void {
  const devices = el("p", { className: "devices" }, "Probing this browser's devices…");
  const cards = CATALOGUE.map(({ lesson }) =>
    el(
      "li",
      {},
      el(
        "a",
        { href: `#/lesson/${lesson.id}`, className: "card" },
        el("span", { className: "kicker" }, `Lesson ${lesson.id}`),
        el("strong", {}, lesson.title),
        el("span", { className: "source" }, lesson.source.file ? `from “${lesson.source.title}”` : "written for Flambeau"),
      ),
    ),
  );
  root.replaceChildren(
    el(
      "section",
      { className: "home" },
      el("h1", {}, "Six PyTorch lessons, in the browser"),
      el("p", { className: "lead" }, "Five lessons ported line by line to TypeScript with Flambeau, and a sixth, handwritten digits, written for it the way a PyTorch lesson would be. Each page shows the code beside what it prints and plots, live, on the device you pick."),
      devices,
      el("ol", { className: "cards" }, ...cards),
    ),
  );
  void deviceMenu().then((menu) => {
    const parts = menu.probes.map((p) => `${DEVICE_LABELS[p.device]} ${p.available ? "✓" : "✗"}`);
    devices.textContent = `This browser: ${parts.join(" · ")} — lessons run on ${DEVICE_LABELS[menu.best]} unless you pick another.`;
    const note = softwareNote(menu);
    if (note) devices.after(el("p", { className: "devices device-note" }, note));
  });
}
