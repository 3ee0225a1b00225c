/**
 * Batched matrix product. A texture fetch is what a fragment shader pays for, so large
 * products run packed: A's rows and B's columns are first packed four k-values to a texel
 * (RGBA), then each thread reads one texel of A and four of B per four steps of k and
 * computes four outputs, a fifth of the fetches per multiply-add of the direct kernel; a last
 * pass unpacks the four-wide result. Small products (and gpu.js's CPU fallbacks) take the
 * direct kernel: one thread per output element, a dot product over k.
 *
 * Batch dims (broadcast with zero strides) are collapsed and walked like any view, and both
 * operands are read through their own strides, so `x.matmul(w.t())` copies nothing.
 */
import type { DType } from "@flambeau/tensor";
import { numel, type View } from "@flambeau/tensor/internal";
import { GLBuffer, release, type KernelData } from "../buffer.js";
import { collapse, divmod, kernelSource, walkArgs, walkCode, walkParams, type Walk } from "../codegen.js";
import { launch } from "../kernel-cache.js";
import { isGPUMode, runtime } from "../runtime.js";
import { guardCode, markCode, storeCode } from "../values.js";
import { data } from "./map.js";

/** Below this many multiply-adds (or k below 8) the packing passes cost more than they save. */
const PACK_MIN_WORK = 32_768;

interface Operand {
  view: View;
  /** Its batch dims collapsed. */
  walk: Walk;
  /** Row and column strides (i, p for A; p, j for B). */
  s0: number;
  s1: number;
}

/** `a` `[...batch, m, k]` times `b` `[...batch, k, n]`; `full` makes the zeros of an empty k. */
export function matmul(a: View, b: View, outDtype: DType, full: (n: number, v: number, d: DType) => GLBuffer): GLBuffer {
  const nd = a.shape.length;
  const m = a.shape[nd - 2]!;
  const k = a.shape[nd - 1]!;
  const n = b.shape[nd - 1]!;
  const batchShape = a.shape.slice(0, nd - 2);
  const batch = numel(batchShape);
  const size = batch * m * n;
  if (size === 0) return new GLBuffer(null, 0);
  if (k === 0) return full(size, 0, outDtype);
  const A: Operand = { view: a, walk: collapse(batchShape, [a.strides.slice(0, nd - 2)], [a.offset]), s0: a.strides[nd - 2]!, s1: a.strides[nd - 1]! };
  const B: Operand = { view: b, walk: collapse(batchShape, [b.strides.slice(0, nd - 2)], [b.offset]), s0: b.strides[nd - 2]!, s1: b.strides[nd - 1]! };
  // Integer products check every step (values.ts), which only the direct kernel does.
  if (k >= 8 && m * n * k >= PACK_MIN_WORK && isGPUMode(runtime().mode) && outDtype !== "int32") return packed(A, B, batch, m, k, n, outDtype);
  return direct(A, B, batch, m, k, n, outDtype);
}

/** One thread per output element. */
function direct(A: Operand, B: Operand, batch: number, m: number, k: number, n: number, outDtype: DType): GLBuffer {
  const walk = collapse(A.view.shape.slice(0, -2), [A.view.strides.slice(0, -2), B.view.strides.slice(0, -2)], [A.view.offset, B.view.offset]);
  const rank = walk.dims.length;
  const key = `matmul:${A.view.dtype},${B.view.dtype}>${outDtype}:r${rank}`;
  const source = () =>
    kernelSource(
      ["A", "B", ...walkParams(rank, 2), "m", "n", "k", "sam", "sak", "sbk", "sbn"],
      [
        ...divmod("this.thread.x", "n", "row", "j"),
        ...divmod("row", "m", "batch", "i"),
        walkCode(rank, 2, "batch"),
        "let pa = p0 + i * sam;",
        "let pb = p1 + j * sbn;",
        "let acc = 0;",
        ...(outDtype === "int32"
          ? [
              // A product or partial sum at or past 2^24 may have rounded, even if the total comes back in range.
              "let bad = 0;",
              `for (let p = 0; p < k; p++) { let a = A[pa + p * sak]; let b = B[pb + p * sbk]; ${guardCode("a", "int32")} ${guardCode("b", "int32")} let t = a * b; acc = acc + t; ${guardCode("t", "int32", true)} ${guardCode("acc", "int32", true)} }`,
            ]
          : ["for (let p = 0; p < k; p++) { acc = acc + A[pa + p * sak] * B[pb + p * sbk]; }"]),
        storeCode("acc", outDtype),
        outDtype === "int32" ? markCode("acc", "int32") : "",
        "return acc;",
      ].join("\n"),
    );
  const size = batch * m * n;
  const args = [data(A.view), data(B.view), ...walkArgs(walk), m, n, k, A.s0, A.s1, B.s0, B.s1];
  return new GLBuffer(launch(key, source, size, args), size);
}

/**
 * Pack `rows` lines of an operand, four k-values to a texel: texel (batch, line, q) holds the
 * line's elements 4q..4q+3 (zeros past k). `along` is the stride along k, `across` between lines.
 */
function pack(o: Operand, batches: number, lines: number, k: number, along: number, across: number): KernelData {
  const rank = o.walk.dims.length;
  const K4 = Math.ceil(k / 4);
  const key = `matmul:pack:${o.view.dtype}:r${rank}`;
  const source = () => {
    const body = [...divmod("this.thread.x", "K4", "rest", "q"), ...divmod("rest", "lines", "batch", "line"), walkCode(rank, 1, "batch"), "let base = p0 + line * across;"];
    const channels = [0, 1, 2, 3].map((c) => {
      body.push(`let v${c} = 0;`, `if (q * 4 + ${c} < k) { v${c} = X[base + (q * 4 + ${c}) * along]; }`);
      return `v${c}`;
    });
    body.push(`return [${channels.join(", ")}];`);
    return kernelSource(["X", ...walkParams(rank, 1), "K4", "lines", "k", "along", "across"], body.join("\n"));
  };
  return launch(key, source, batches * lines * K4, [data(o.view), ...walkArgs(o.walk), K4, lines, k, along, across], true);
}

/** Whether an operand is the same matrix in every batch (broadcast): it is then packed once. */
function broadcast(o: Operand): boolean {
  return o.walk.strides[0]!.every((s) => s === 0);
}

function packed(A: Operand, B: Operand, batch: number, m: number, k: number, n: number, outDtype: DType): GLBuffer {
  const K4 = Math.ceil(k / 4);
  const N4 = Math.ceil(n / 4);
  const aOnce = broadcast(A);
  const bOnce = broadcast(B);
  const PA = pack(A, aOnce ? 1 : batch, m, k, A.s1, A.s0);
  const PB = pack(B, bOnce ? 1 : batch, n, k, B.s0, B.s1);
  let R: KernelData;
  try {
    const source = () => {
      const body = [
        ...divmod("this.thread.x", "N4", "row", "jq"),
        ...divmod("row", "m", "batch", "i"),
        "let ra = (batch * aStep * m + i) * K4;",
        "let s0 = 0; let s1 = 0; let s2 = 0; let s3 = 0;",
      ];
      // Columns past n (the last group of four) read column n - 1 and are dropped on unpacking.
      for (let c = 0; c < 4; c++) body.push(`let j${c} = Math.min(jq * 4 + ${c}, n - 1);`, `let rb${c} = (batch * bStep * n + j${c}) * K4;`);
      const dot = (c: number) => `s${c} = s${c} + x[0] * b${c}[0] + x[1] * b${c}[1] + x[2] * b${c}[2] + x[3] * b${c}[3];`;
      body.push(
        "for (let q = 0; q < K4; q++) {",
        "let x = PA[ra + q];",
        ...[0, 1, 2, 3].map((c) => `let b${c} = PB[rb${c} + q];`),
        ...[0, 1, 2, 3].map(dot),
        "}",
        "return [s0, s1, s2, s3];",
      );
      return kernelSource(["PA", "PB", "m", "n", "K4", "N4", "aStep", "bStep"], body.join("\n"));
    };
    R = launch("matmul:packed", source, batch * m * N4, [PA, PB, m, n, K4, N4, aOnce ? 0 : 1, bOnce ? 0 : 1], true);
  } finally {
    release(PA);
    release(PB);
  }
  try {
    const size = batch * m * n;
    const key = `matmul:unpack>${outDtype}`;
    const source = () =>
      kernelSource(
        ["R", "n", "N4"],
        [
          ...divmod("this.thread.x", "n", "row", "j"),
          ...divmod("j", "4", "g", "c"),
          "let v = R[row * N4 + g];",
          "let r = v[0];",
          "if (c == 1) { r = v[1]; } else if (c == 2) { r = v[2]; } else if (c == 3) { r = v[3]; }",
          storeCode("r", outDtype),
          "return r;",
        ].join("\n"),
      );
    return new GLBuffer(launch(key, source, size, [R, n, N4]), size);
  } finally {
    release(R);
  }
}
