/**
 * Node's side of rendering: SVG to PNG with resvg (a Rust SVG renderer shipped as npm binaries),
 * and writing files. Text in a PNG needs fonts, and a fresh machine may have none, so DejaVu
 * Sans (matplotlib's own default font) comes from the `dejavu-fonts-ttf` package.
 */
import type * as ResvgModule from "@resvg/resvg-js";
import type { Figure, SaveOptions } from "./figure.js";
import { nodeImport, requireNode } from "./node-import.js";
import { FONT } from "./theme.js";

type Fs = typeof import("node:fs/promises");
type PathModule = typeof import("node:path");
type ModuleModule = typeof import("node:module");

let defaultFonts: Promise<string[]> | undefined;

/** The shipped DejaVu Sans files, resolved from this package's dependencies. */
export function shippedFonts(): Promise<string[]> {
  return (defaultFonts ??= nodeImport<ModuleModule>("node:module").then(({ createRequire }) => {
    const require = createRequire(import.meta.url);
    return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
  }));
}

/** PNG bytes of an SVG document, at the SVG's own pixel size. */
export async function svgToPNG(svg: string, options: SaveOptions = {}): Promise<Uint8Array> {
  requireNode("PNG output");
  const resvg = await nodeImport<typeof ResvgModule>("@resvg/resvg-js").catch((e: unknown) => {
    throw new Error(`savefig: PNG output needs the '@resvg/resvg-js' package (${String(e)})`);
  });
  const fontFiles = options.fontFiles ?? (await shippedFonts());
  const family = FONT.split(",")[0]!.trim();
  const image = await resvg.renderAsync(svg, {
    font: {
      fontFiles,
      loadSystemFonts: options.loadSystemFonts ?? false,
      defaultFontFamily: family,
      sansSerifFamily: family,
    },
    background: "white",
  });
  return image.asPng();
}

/** Writes `fig` to `path` as SVG or PNG, creating folders; resolves to the path. */
export async function saveFigure(fig: Figure, path: string, options: SaveOptions = {}): Promise<string> {
  requireNode("savefig");
  const format = options.format ?? formatOf(path);
  const content = format === "svg" ? await fig.toSVG(options) : await svgToPNG(await fig.toSVG(options), options);
  await writeFileMakingDirs(path, content);
  return path;
}

/** Writes a file, creating its folder first. */
export async function writeFileMakingDirs(path: string, content: string | Uint8Array): Promise<void> {
  const [fs, p] = await Promise.all([nodeImport<Fs>("node:fs/promises"), nodeImport<PathModule>("node:path")]);
  await fs.mkdir(p.dirname(p.resolve(path)), { recursive: true });
  await fs.writeFile(path, content);
}

function formatOf(path: string): "svg" | "png" {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === "svg" || ext === "png") return ext;
  throw new Error(`savefig: cannot tell the format of '${path}'; use a .svg or .png file name (or the format option)`);
}
