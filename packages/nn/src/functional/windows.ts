/**
 * Sliding windows over the last two dimensions: the shared step under convolution, pooling,
 * `unfold` and `fold`. A window's elements are picked with one selection by an index table
 * (`select_table`) from the input flattened to `[N, C, H*W]`, where index `H*W` reads a pad
 * value, so padding, stride, dilation and a ceil-mode overhang are all just entries of a table
 * built here in JavaScript. The table's transpose gathers the gradient back (col2im), so no
 * backend scatters. Tables are built once per geometry and kept, with their device copies.
 */
import { type Tensor } from "@flambeau/tensor";
import { IndexTable, select_table, select_table_backward } from "@flambeau/tensor/internal";

/** The geometry of windows over an `H x W` plane. Padding is per side (`"same"` may be uneven). */
export interface Windows {
  readonly H: number;
  readonly W: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly dh: number;
  readonly dw: number;
  readonly top: number;
  readonly left: number;
  /** Output rows and columns (windows along each axis). */
  readonly OH: number;
  readonly OW: number;
  /** What padding reads: the pad value (`"zeros"`, the default) or the input mirrored, clamped or wrapped (a conv's `padding_mode`). */
  readonly mode?: PaddingMode;
}

/** A convolution layer's `padding_mode`. */
export type PaddingMode = "zeros" | "reflect" | "replicate" | "circular";

/** Where coordinate `v` of an axis of `size` reads under `mode`; -1 for the pad value. */
function source(v: number, size: number, mode: PaddingMode): number {
  if (v >= 0 && v < size) return v;
  switch (mode) {
    case "zeros": return -1;
    case "reflect": return v < 0 ? -v : 2 * (size - 1) - v;
    case "replicate": return v < 0 ? 0 : size - 1;
    case "circular": return ((v % size) + size) % size;
  }
}

/** A size or an `n`-tuple of sizes as a list of `n` non-negative integers, named in errors. */
export function tuple(op: string, name: string, v: number | readonly number[], n = 2): number[] {
  const xs = typeof v === "number" ? new Array<number>(n).fill(v) : v.length === 1 ? new Array<number>(n).fill(v[0]!) : [...v];
  if (xs.length !== n || xs.some((x) => !Number.isInteger(x) || x < 0))
    throw new Error(`${op}(): ${name} must be a non-negative integer or a tuple of ${n} of them, but got ${fmt(v)}`);
  return xs;
}

const fmt = (v: unknown): string => (Array.isArray(v) ? `(${v.join(", ")})` : String(v));

/**
 * PyTorch's `pooling_output_shape`: windows along one axis of `size` padded by `pad` per side
 * (`padEnd` at the far end), with `ceil_mode` counting a last partial window that starts inside
 * the input or left padding.
 */
export function outputSize(size: number, k: number, s: number, pad: number, d: number, ceil = false, padEnd = pad): number {
  const span = size + pad + padEnd - d * (k - 1) - 1;
  let out = Math.floor((span + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (out - 1) * s >= size + pad) out--;
  return out;
}

/**
 * The index table of `g`'s windows into the flattened plane: entry `[k, l]` (`order` `"kl"`)
 * or `[l, k]` (`"lk"`) is the element under kernel tap `k` of window `l`, or `H*W` where that
 * falls in the padding. Whether any entry is padding is returned too (then the input needs
 * its padding element appended).
 */
export function windowIndex(g: Windows, order: "kl" | "lk"): { index: Int32Array; padded: boolean } {
  const K = g.kh * g.kw;
  const L = g.OH * g.OW;
  const pad = g.H * g.W;
  const mode = g.mode ?? "zeros";
  const index = new Int32Array(K * L);
  let padded = false;
  for (let i = 0; i < g.kh; i++)
    for (let j = 0; j < g.kw; j++) {
      const k = i * g.kw + j;
      for (let oy = 0; oy < g.OH; oy++) {
        const y = source(oy * g.sh - g.top + i * g.dh, g.H, mode);
        for (let ox = 0; ox < g.OW; ox++) {
          const x = source(ox * g.sw - g.left + j * g.dw, g.W, mode);
          const inside = y >= 0 && x >= 0;
          if (!inside) padded = true;
          const l = oy * g.OW + ox;
          index[order === "kl" ? k * L + l : l * K + k] = inside ? y * g.W + x : pad;
        }
      }
    }
  return { index, padded };
}

/** Tables by key, built once. The first {@link MAX_TABLES} stay (a training loop meets a handful of geometries); later ones are built per call. */
const TABLES = new Map<string, IndexTable>();
const MAX_TABLES = 64;

/** The table cached under `key`, built by `build` the first time. */
export function cachedTable(key: string, build: () => IndexTable): IndexTable {
  let t = TABLES.get(key);
  if (t === undefined) {
    t = build();
    if (TABLES.size < MAX_TABLES) TABLES.set(key, t);
  }
  return t;
}

/** Everything that decides a window table. */
export const geometryKey = (g: Windows): string =>
  [g.H, g.W, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.top, g.left, g.OH, g.OW, g.mode ?? "zeros"].join(",");

/** {@link windowIndex} as a table over an `H*W` plane (cached). */
export function windowTable(g: Windows, order: "kl" | "lk"): IndexTable {
  return cachedTable(`${order}:${geometryKey(g)}`, () => new IndexTable(windowIndex(g, order).index, g.H * g.W));
}

/**
 * The windows of a `[N, C, H, W]` input as one `[C * K, N * L]` matrix (channel, then tap; batch,
 * then window): what a convolution multiplies in a single large product, rather than `N` small
 * ones, so the CPU's GEMM gets its blocking and threads. Padding reads as 0.
 */
export function im2colMatrix(x: Tensor, g: Windows): Tensor {
  const [N, C] = x.shape as [number, number];
  const table = cachedTable(`batch ${N}:${geometryKey(g)}`, () => new IndexTable(batchedWindowIndex(g, N), N * g.H * g.W));
  // Channel-major rows, each the N planes one after another (a free view when x already is).
  const rows = x.transpose(0, 1).reshape([C, N * g.H * g.W]);
  return select_table(rows, 1, table, 0).reshape([C * g.kh * g.kw, N * g.OH * g.OW]);
}

/** {@link windowIndex} (`"kl"`) repeated over `n` planes laid end to end; padding is `n*H*W`. */
function batchedWindowIndex(g: Windows, n: number): Int32Array {
  const { index: one } = windowIndex(g, "kl");
  const plane = g.H * g.W;
  const L = g.OH * g.OW;
  const K = g.kh * g.kw;
  const index = new Int32Array(K * n * L);
  for (let k = 0; k < K; k++)
    for (let p = 0; p < n; p++) {
      const out = (k * n + p) * L;
      for (let l = 0; l < L; l++) {
        const v = one[k * L + l]!;
        index[out + l] = v === plane ? n * plane : p * plane + v;
      }
    }
  return index;
}

/**
 * The windows of a `[N, C, H, W]` input as `[N, C, K * L]` (`"kl"`: tap-major, what a
 * convolution multiplies) or `[N, C, L * K]` (`"lk"`: each window contiguous, what pooling
 * reduces), padding read as `padValue`.
 */
export function im2col(x: Tensor, g: Windows, padValue: number, order: "kl" | "lk"): Tensor {
  return pick(x, windowTable(g, order), padValue);
}

/**
 * Entries of each `[H, W]` plane of a `[N, C, H, W]` input by `table` (over `H*W` positions, its
 * pad entries reading `padValue`): `[N, C, table.length]`.
 */
export function pick(x: Tensor, table: IndexTable, padValue: number): Tensor {
  const [N, C, H, W] = x.shape as [number, number, number, number];
  return select_table(x.reshape([N, C, H * W]), 2, table, padValue);
}

/**
 * The reverse of {@link im2col} (`"kl"` order): sum `[N, C, K * L]` columns back into their
 * `[N, C, H, W]` places, overlapping windows adding up, padding dropped (`F.fold`). It is
 * im2col's gradient: each position gathers the columns that read it.
 */
export function col2im(cols: Tensor, g: Windows): Tensor {
  const [N, C] = cols.shape as [number, number];
  return select_table_backward(cols, 2, windowTable(g, "kl"), [N, C, g.H * g.W]).reshape([N, C, g.H, g.W]);
}
