/**
 * Panels side by side: each axes is rendered by Vega at its exact cell size, and the cells are
 * placed in one SVG as nested `<svg>` elements. Nesting keeps every panel exactly the size of
 * its cell, which a Vega-Lite concat (sized by its contents) would not.
 */

/** One rendered panel and where it goes. */
export interface Panel {
  svg: string;
  x: number;
  y: number;
}

/** One SVG of `width × height` holding the panels. */
export function composeSVG(panels: Panel[], width: number, height: number): string {
  if (panels.length === 1 && panels[0]!.x === 0 && panels[0]!.y === 0) return panels[0]!.svg;
  const inner = panels.map((p) => p.svg.replace(/^<svg /, `<svg x="${p.x}" y="${p.y}" `)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="white"/>${inner}</svg>`
  );
}
