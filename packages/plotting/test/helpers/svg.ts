// Reading a rendered chart the way a person would: parse the SVG and find the marks, titles and
// legend entries by the roles Vega gives them, never by matching bytes.
import { DOMParser, type Element as XElement } from "@xmldom/xmldom";

export type Chart = XElement;

/** The parsed SVG document's root; fails on malformed XML. */
export function parseSVG(svg: string): Chart {
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== "warning") throw new Error(msg); } }).parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.tagName !== "svg") throw new Error("not an SVG document");
  return root;
}

/** Every element below `root` (depth first). */
export function descendants(root: XElement): XElement[] {
  const out: XElement[] = [];
  const walk = (el: XElement) => {
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) { out.push(n as XElement); walk(n as XElement); }
  };
  walk(root);
  return out;
}

/** Marks Vega drew: `"point"` for symbols, `"line mark"` for lines, `"rect mark"` for image pixels, `"text mark"` for texts. */
export function marks(root: XElement, role: "point" | "line mark" | "rect mark" | "text mark"): XElement[] {
  return descendants(root).filter((e) => e.getAttribute("role") === "graphics-symbol" && e.getAttribute("aria-roledescription") === role);
}

/** The texts of a Vega role group: `"axis-title"`, `"legend-label"`, `"title-text"`, `"axis-label"`. */
export function texts(root: XElement, role: string): string[] {
  const groups = descendants(root).filter((e) => (e.getAttribute("class") ?? "").split(" ").includes(`role-${role}`));
  return groups.flatMap((g) => descendants(g).filter((e) => e.tagName === "text" && e.getAttribute("opacity") !== "0").map((e) => e.textContent ?? ""));
}

/** Nested panels of a figure with several axes. */
export function panels(root: XElement): XElement[] {
  return descendants(root).filter((e) => e.tagName === "svg");
}

/** The pieces of a path: how many runs start with a move (`M`), and how many vertices in all. */
export function pathRuns(d: string): { runs: number; vertices: number } {
  const commands = d.match(/[MLHVCSQTAZ]/gi) ?? [];
  return { runs: commands.filter((c) => c === "M").length, vertices: commands.filter((c) => c === "M" || c === "L").length };
}
