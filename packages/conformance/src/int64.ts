import * as torch from "flambeau";
import { getBackend } from "@flambeau/tensor/internal";

/** Whether `device` holds int64 (the CPU); the GPUs accumulate integers in int32 instead. */
export function hasInt64(device: string): boolean {
  return getBackend(torch.device(device)).supportsDType("int64");
}
