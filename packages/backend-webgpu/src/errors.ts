/**
 * Errors found by kernels. A shader cannot throw, so a kernel that meets a bad value (an
 * index out of range, an integer division by zero) records it in a small status buffer and
 * writes a harmless result; the next read checks the status and rejects with PyTorch's
 * message. This is how CUDA reports device-side asserts: asynchronously, at the next sync.
 */

import {
  indexOutOfBoundsAt, int32OverflowError, integerDivisionByZero, type IndexSite,
} from "@flambeau/tensor/internal";

export enum Fault {
  None = 0,
  ZeroDivision = 1,
  GatherIndex = 3,
  ScatterIndex = 4,
  /** An integer sum or product past int32; `dim` holds 0 for sum, 1 for prod. */
  IntOverflow = 5,
}

/**
 * Bytes of the status buffer: `[fault, value, dim | site << 8, extent]`. `site` numbers the
 * user's call behind an index kernel (see {@link FaultSites}); 0 is none.
 */
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

/**
 * The user's calls behind the index kernels dispatched since the last read, numbered for the
 * kernels' metadata: a gather finds a bad index only when it runs, and the error it reports at
 * the next read must name the op the user called (`index_select`, `embedding`), not `gather`.
 * Calls with the same op and shapes share a number, so a loop between reads keeps a short list.
 */
export class FaultSites {
  private list: IndexSite[] = [];
  private ids = new Map<string, number>();

  /** The number a kernel records for `site` (0 when there is none). */
  id(site: IndexSite | undefined): number {
    if (site === undefined) return 0;
    const key = `${site.op}|${site.dim ?? ""}|${site.shapes}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      if (this.list.length >= 0xffffff) return 0; // past what the status word holds: the primitive's name
      this.list.push(site);
      id = this.list.length;
      this.ids.set(key, id);
    }
    return id;
  }

  /** The sites numbered since the last call (for the status read now), and a fresh list. */
  take(): readonly IndexSite[] {
    const list = this.list;
    this.list = [];
    this.ids = new Map();
    return list;
  }
}

/** The error a status word reports, or null; `sites` are those numbered for the dispatches it covers. */
export function faultError(status: Uint32Array, sites: readonly IndexSite[] = []): Error | null {
  const value = status[1]! | 0;
  const dim = status[2]! & 0xff;
  const site = sites[(status[2]! >>> 8) - 1];
  switch (status[0] as Fault) {
    case Fault.None:
      return null;
    case Fault.ZeroDivision:
      return integerDivisionByZero("webgpu");
    case Fault.GatherIndex:
      return indexOutOfBoundsAt(site, "gather", value, dim, status[3]!);
    case Fault.IntOverflow:
      return int32OverflowError(status[2] === 1 ? "prod" : "sum", undefined, "webgpu");
    case Fault.ScatterIndex:
      return indexOutOfBoundsAt(site, "scatter_add", value, dim, status[3]!);
    default:
      return new Error(`webgpu: a kernel reported fault ${status[0]}`);
  }
}
