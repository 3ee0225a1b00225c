/** Writing a figure as the Node runner does: `<dir>/<name>.svg` and `<dir>/<name>.png`. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Figure } from "../context.js";

/** Writes `fig` as SVG and PNG into `dir` (created if missing); resolves to the two paths. */
export async function writeFigureFiles(fig: Figure, dir: string, name: string): Promise<[string, string]> {
  await mkdir(dir, { recursive: true });
  const svgPath = join(dir, `${name}.svg`);
  const pngPath = join(dir, `${name}.png`);
  const [svg, png] = await Promise.all([fig.toSVG(), fig.toPNG()]);
  await Promise.all([writeFile(svgPath, svg), writeFile(pngPath, png)]);
  return [svgPath, pngPath];
}
