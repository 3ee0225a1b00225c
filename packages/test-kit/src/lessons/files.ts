// Checks of what the Node runner writes, shared by the lesson apps' tests: a figure's SVG must
// parse as XML with an <svg> root, its PNG must decode, and titles are read the way a person
// would read them (Vega's title role), never by matching bytes.
import { existsSync, readFileSync } from "node:fs";
import { DOMParser, type Element as XElement } from "@xmldom/xmldom";
import { PNG } from "pngjs";

/** What a written figure holds. */
export interface FigureCheck {
  name: string;
  /** The chart titles drawn in the SVG. */
  titles: string[];
  /** Legend labels drawn in the SVG. */
  legend: string[];
  /** The PNG's size in pixels. */
  width: number;
  height: number;
}

/** Parses `<dir>/<name>.svg` and decodes `<dir>/<name>.png`; throws when either is missing or broken. */
export function checkFigure(dir: string, name: string): FigureCheck {
  const svgPath = `${dir}/${name}.svg`;
  const pngPath = `${dir}/${name}.png`;
  for (const p of [svgPath, pngPath]) if (!existsSync(p)) throw new Error(`missing ${p}`);
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") throw new Error(`${svgPath}: ${msg}`);
    },
  }).parseFromString(readFileSync(svgPath, "utf8"), "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.tagName !== "svg") throw new Error(`${svgPath} is not an SVG document`);
  const png = PNG.sync.read(readFileSync(pngPath));
  return { name, titles: texts(root, "title-text"), legend: texts(root, "legend-label"), width: png.width, height: png.height };
}

function descendants(root: XElement): XElement[] {
  const out: XElement[] = [];
  const walk = (el: XElement) => {
    for (let n = el.firstChild; n; n = n.nextSibling)
      if (n.nodeType === 1) {
        out.push(n as XElement);
        walk(n as XElement);
      }
  };
  walk(root);
  return out;
}

function texts(root: XElement, role: string): string[] {
  const groups = descendants(root).filter((e) => (e.getAttribute("class") ?? "").split(" ").includes(`role-${role}`));
  return groups.flatMap((g) => descendants(g).filter((e) => e.tagName === "text").map((e) => e.textContent ?? ""));
}

/** The figure names (without extension) among the files a run wrote, each with both an .svg and a .png. */
export function figureNames(files: readonly string[]): string[] {
  const svgs = files.filter((f) => f.endsWith(".svg")).map((f) => f.replace(/^.*\//, "").replace(/\.svg$/, ""));
  return svgs.filter((n) => files.some((f) => f.endsWith(`/${n}.png`)));
}
