/**
 * Panels side by side: each axes is rendered by Vega at its exact cell size, and the cells are
 * placed in one SVG as nested `<svg>` elements. Nesting keeps every panel exactly the size of
 * its cell, which a Vega-Lite concat (sized by its contents) would not.
 */

/** One rendered panel and its cell. */
export interface Panel {
  svg: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * One SVG of `width × height` holding the panels. A panel smaller than its cell (an image, whose
 * pixels are square) is centred in it.
 */
export function composeSVG(panels: Panel[], width: number, height: number): string {
  const placed = panels.map((p) => {
    const [w, h] = svgSize(p.svg) ?? [p.w, p.h];
    return { svg: p.svg, x: p.x + Math.max(0, Math.round((p.w - w) / 2)), y: p.y + Math.max(0, Math.round((p.h - h) / 2)) };
  });
  if (placed.length === 1 && placed[0]!.x === 0 && placed[0]!.y === 0 && sameSize(placed[0]!.svg, width, height)) return placed[0]!.svg;
  const inner = placed.map((p) => p.svg.replace(/^<svg /, `<svg x="${p.x}" y="${p.y}" `)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="white"/>${inner}</svg>`
  );
}

function svgSize(svg: string): [number, number] | undefined {
  const m = /^<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function sameSize(svg: string, width: number, height: number): boolean {
  const size = svgSize(svg);
  return !size || (size[0] === width && size[1] === height);
}
