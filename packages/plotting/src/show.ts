/**
 * `show()`: in a browser a figure is drawn into the page; in Node, where there is no window,
 * it is written as a PNG file (a folder of numbered figures) so a script's plots are not lost.
 */
import type { Figure } from "./figure.js";
import { hasDOM } from "./node-import.js";
import { mountSVGs, type ContainerSpec, type PageElement } from "./render-browser.js";

/** Options of `show`. */
export interface ShowOptions {
  /** Browser: the element (or a CSS selector) to draw into; default: a new element at the end of `document.body`. */
  container?: ContainerSpec;
  /** Node: the folder for the files (default `$FLAMBEAU_FIGURES_DIR`, else `figures`). */
  dir?: string;
  /** Node: `"png"` (default) or `"svg"`. */
  format?: "png" | "svg";
}

/** What `show` did for one figure: the element drawn into (browser) or the file written (Node). */
export type ShowResult = { element: PageElement } | { path: string };

// Numbers the files written in Node, so later figures never overwrite earlier ones.
let shown = 0;

/** Shows `figures` (see {@link ShowOptions}); resolves once every one is drawn or written. */
export async function showFigures(figures: readonly Figure[], options: ShowOptions = {}): Promise<ShowResult[]> {
  if (hasDOM()) {
    const svgs = await Promise.all(figures.map((fig) => fig.toSVG()));
    return mountSVGs(svgs, options.container, "show").map((element) => ({ element }));
  }
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const dir = options.dir ?? env?.FLAMBEAU_FIGURES_DIR ?? "figures";
  const format = options.format ?? "png";
  const paths = figures.map(() => `${dir}/figure-${++shown}.${format}`);
  await Promise.all(figures.map((fig, k) => fig.savefig(paths[k]!, { format })));
  return paths.map((path) => ({ path }));
}
