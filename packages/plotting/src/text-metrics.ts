/**
 * Text widths for Vega's layout in Node. Without a canvas Vega guesses 0.8 em a character, a
 * third more than DejaVu Sans really takes, so long titles and legends squeeze the plot. These
 * are DejaVu Sans's advance widths (the font PNGs are drawn with), read from its `hmtx` table in
 * units of 1/2048 em; Vega lets a user-defined `textMetrics.width` replace its guess.
 */
import type { Vega } from "./vega.js";

const ASCII = // U+0020 … U+007E
  "651 821 942 1716 1303 1946 1597 563 799 799 1024 1716 651 739 651 690 1303 1303 1303 1303 1303 1303 1303 1303 " +
  "1303 1303 690 690 1716 1716 1716 1087 2048 1401 1405 1430 1577 1294 1178 1587 1540 604 604 1343 1141 1767 1532 " +
  "1612 1235 1612 1423 1300 1251 1499 1401 2025 1403 1251 1403 799 690 799 1716 1024 1024 1255 1300 1126 1300 1260 " +
  "721 1300 1298 569 569 1186 569 1995 1298 1253 1300 1300 842 1067 803 1298 1212 1675 1212 1212 1075 1303 690 1303 1716";
const LATIN1 = // U+00A0 … U+00FF
  "651 821 1303 1303 1303 1303 690 1024 1024 2048 965 1253 1716 739 2048 1024 1024 1716 821 821 1024 1303 1303 651 " +
  "1024 821 965 1253 1985 1985 1985 1087 1401 1401 1401 1401 1401 1401 1995 1430 1294 1294 1294 1294 604 604 604 604 " +
  "1587 1532 1612 1612 1612 1612 1612 1716 1612 1499 1499 1499 1499 1251 1239 1290 1255 1255 1255 1255 1255 1255 2011 " +
  "1126 1260 1260 1260 1260 569 569 569 569 1253 1298 1253 1253 1253 1253 1253 1716 1253 1298 1298 1298 1298 1212 1300 1212";
const OTHER: Record<number, number> = { 0x2212: 1716, 0x2026: 2048, 0x2013: 1024, 0x2014: 2048 };
// A digit's width stands in for characters outside the table.
const FALLBACK = 1303;
// DejaVu Sans Bold is about 11.5% wider.
const BOLD = 1.115;

const ascii = ASCII.split(" ").map(Number);
const latin1 = LATIN1.split(" ").map(Number);

function advance(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return ascii[cp - 0x20]!;
  if (cp >= 0xa0 && cp <= 0xff) return latin1[cp - 0xa0]!;
  return OTHER[cp] ?? FALLBACK;
}

/** The width in px of `text` in DejaVu Sans at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!);
  return ((units / 2048) * fontSize) * (bold ? BOLD : 1);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/** Gives Vega DejaVu Sans's widths where it would otherwise guess (no canvas: Node). */
export function useDejaVuMetrics(vega: Vega): void {
  // Vega exports textMetrics, but its type declarations leave it out.
  const metrics = (vega as unknown as { textMetrics?: { width: unknown; estimateWidth: unknown } }).textMetrics;
  if (!metrics || metrics.width !== metrics.estimateWidth) return;
  metrics.width = (item: TextItem, text: unknown): number => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600;
    const w = textWidth(String(text ?? "").trim(), size, bold);
    // Vega truncates text longer than its limit to about the limit.
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}

/** `fontSize`, or smaller (down to 60% of it) so that `text` fits in `width` px. */
export function fitFontSize(text: string, fontSize: number, width: number): number {
  const w = textWidth(text, fontSize);
  return w <= width ? fontSize : Math.max(fontSize * 0.6, (fontSize * width) / w);
}
