/**
 * The elementwise kernel behind unary, binary, where and copy: out[i] = f(operands at i),
 * each operand a strided view over the output's shape. An operand that is one known number
 * (a scalar made by `full`, broadcast) is passed as a uniform instead of a texture.
 */
import type { DType, Shape } from "@flambeau/tensor";
import { freedBufferError, numel, type View } from "@flambeau/tensor/internal";
import { GLBuffer, type KernelData } from "../buffer.js";
import { collapse, kernelSource, walkArgs, walkCode, walkParams } from "../codegen.js";
import { launch, type KernelArg } from "../kernel-cache.js";
import { castValue, guardCode, markCode, readCastCode, storeCode } from "../values.js";

/** An operand: a view over the output shape, and the dtype the computation reads it as. */
export interface MapOperand {
  view: View;
  readAs: DType;
}

/** Whether every element of a view reads the same address. */
export function isUniform(shape: Shape, strides: Shape): boolean {
  for (let i = 0; i < shape.length; i++) if (strides[i] !== 0 && shape[i] !== 1) return false;
  return true;
}

/** The one value every element of a view holds, when it is known without reading the GPU. */
export function knownValue(v: View): number | undefined {
  const b = v.buffer as GLBuffer;
  return b.value !== undefined && isUniform(v.shape, v.strides) ? b.value : undefined;
}

/**
 * Run `code` (statements setting `r` from the operand variables `names`) over `shape` and
 * store the result as `outDtype`. `name` identifies the code for the kernel cache.
 */
export function map(
  name: string,
  code: string,
  names: readonly string[],
  operands: readonly MapOperand[],
  shape: Shape,
  outDtype: DType,
): GLBuffer {
  const n = numel(shape);
  if (n === 0) return new GLBuffer(null, 0);
  const textures: View[] = [];
  const texArgs: KernelData[] = [];
  const uniforms: number[] = [];
  const kinds: string[] = [];
  for (const o of operands) {
    const k = knownValue(o.view);
    if (k !== undefined) {
      kinds.push("u");
      uniforms.push(castValue(k, o.readAs));
    } else {
      kinds.push("t");
      textures.push(o.view);
      texArgs.push(data(o.view));
    }
  }
  const walk = collapse(
    shape,
    textures.map((v) => v.strides),
    textures.map((v) => v.offset),
  );
  const rank = walk.dims.length;
  // Integer operands that may have rounded (values.ts) make the result the marker too.
  const guarded = operands.some((o, i) => kinds[i] === "t" && (o.view.dtype === "int32" || o.view.dtype === "bool"));
  // An int32 computed (not moved) at 2^24 may be 2^24 + 1 rounded: marked too.
  const computes = outDtype === "int32" && name !== "where" && name !== "copy";
  const special = /\bnanv\b|\binfv\b/.test(code) || (guarded && outDtype !== "int32" && outDtype !== "bool");
  const key = `map:${name}:${operands.map((o, i) => `${kinds[i]}${o.view.dtype}>${o.readAs}`).join(",")}>${outDtype}:r${rank}`;
  const source = () => {
    const params = [...textures.map((_, i) => `x${i}`), ...walkParams(rank, textures.length), ...uniforms.map((_, i) => `k${i}`)];
    if (special) params.push("nanv", "infv");
    const lines = [walkCode(rank, textures.length, "this.thread.x")];
    let t = 0;
    let u = 0;
    if (guarded || computes) lines.push("let bad = 0;");
    operands.forEach((o, i) => {
      lines.push(kinds[i] === "t" ? `let ${names[i]} = x${t}[p${t++}];` : `let ${names[i]} = k${u++};`);
      if (kinds[i] === "t") lines.push(guardCode(names[i]!, o.view.dtype));
      // Uniforms are cast on the host; textures hold the operand's own dtype.
      if (kinds[i] === "t") lines.push(readCastCode(names[i]!, o.view.dtype, o.readAs));
    });
    lines.push("let r = 0;", code, storeCode("r", outDtype), computes ? guardCode("r", "int32", true) : "", guarded || computes ? markCode("r", outDtype) : "", "return r;");
    return kernelSource(params, lines.filter((l) => l !== "").join("\n"));
  };
  const args: KernelArg[] = [...texArgs, ...walkArgs(walk), ...uniforms];
  if (special) args.push(NaN, Infinity);
  return new GLBuffer(launch(key, source, n, args), n);
}

/** The texture (or fallback array) behind a view; throws for a freed buffer. */
export function data(v: View): KernelData {
  const b = v.buffer as GLBuffer;
  if (b.data === null) throw freedBufferError("gpujs");
  return b.data;
}
