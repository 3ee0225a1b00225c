/** The browser's side of rendering: putting a figure's SVG into a page element. */

/**
 * An element of a page: the DOM's `Element` where the program's types include the DOM, and
 * `never` where they do not (Node has no page), so these types compile with or without
 * `lib: ["DOM"]` in the program that uses them.
 */
export type PageElement = typeof globalThis extends { Element: { prototype: infer E } } ? E : never;

/** Where a figure goes: an element, or a CSS selector for one. */
export type ContainerSpec = PageElement | string;

/** The element for `spec`, or an error naming the selector that matched nothing. */
export function resolveContainer(spec: ContainerSpec | undefined, op: string): PageElement {
  if (spec === undefined) return document.body;
  if (typeof spec !== "string") return spec;
  const el = document.querySelector(spec);
  if (!el) throw new Error(`${op}: no element matches '${spec}'`);
  return el;
}

/**
 * Draws SVG documents in a page, one element each: inside `container` when one is given
 * (replacing what it held, so drawing again updates the page in place), else appended to the body.
 */
export function mountSVGs(svgs: readonly string[], container: ContainerSpec | undefined, op: string): PageElement[] {
  const parent = resolveContainer(container, op);
  if (container !== undefined) parent.replaceChildren();
  return svgs.map((svg) => {
    const el = parent.appendChild(document.createElement("div"));
    el.className = "flambeau-figure";
    el.innerHTML = svg;
    return el;
  });
}
