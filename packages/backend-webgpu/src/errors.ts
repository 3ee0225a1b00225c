/**
 * Errors found by kernels. A shader cannot throw, so a kernel that meets a bad value (an
 * index out of range, an integer division by zero) records it in a small status buffer and
 * writes a harmless result; the next read checks the status and rejects with PyTorch's
 * message. This is how CUDA reports device-side asserts: asynchronously, at the next sync.
 */

import {
  indexOutOfBounds, int32OverflowError, integerDivisionByZero,
} from "@flambeau/tensor/internal";

export enum Fault {
  None = 0,
  ZeroDivision = 1,
  GatherIndex = 3,
  ScatterIndex = 4,
  /** An integer sum or product past int32; `dim` holds 0 for sum, 1 for prod. */
  IntOverflow = 5,
}

/** Bytes of the status buffer: `[fault, value, dim, extent]`. */
export const STATUS_BYTES = 16;

/** WGSL declaring the status buffer at `binding` and `fault(code, value, dim, extent)`. */
export function faultPrelude(binding: number): string {
  return /* wgsl */ `
@group(0) @binding(${binding}) var<storage, read_write> status: array<atomic<u32>, 4>;
fn fault(code: u32, value: i32, dim: u32, extent: u32) {
  atomicStore(&status[1], bitcast<u32>(value));
  atomicStore(&status[2], dim);
  atomicStore(&status[3], extent);
  atomicStore(&status[0], code);
}`;
}

/** The error a status word reports, or null. */
export function faultError(status: Uint32Array): Error | null {
  const value = status[1]! | 0;
  switch (status[0] as Fault) {
    case Fault.None:
      return null;
    case Fault.ZeroDivision:
      return integerDivisionByZero("webgpu");
    case Fault.GatherIndex:
      return indexOutOfBounds("gather", value, status[2]!, status[3]!);
    case Fault.IntOverflow:
      return int32OverflowError(status[2] === 1 ? "prod" : "sum", undefined, "webgpu");
    case Fault.ScatterIndex:
      return indexOutOfBounds("scatter_add", value, status[2]!, status[3]!);
    default:
      return new Error(`webgpu: a kernel reported fault ${status[0]}`);
  }
}
