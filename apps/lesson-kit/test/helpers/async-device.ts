// A device that behaves like a GPU where it matters here: it cannot read synchronously, and its
// reads resolve later (copying the values when the read is issued, as a GPU queue does). It is
// the CPU backend underneath, registered under another name.
import type * as torch from "flambeau";
import {
  getBackend, registerBackend, registerBackendControls, type Backend, type BackendBuffer,
} from "@flambeau/tensor/internal";

/** Registers the stand-in (device and controls) under `name` (default "webgpu") and returns the name. */
export function registerAsyncDevice(name = "webgpu"): string {
  const cpu = getBackend("cpu");
  const backend = Object.create(cpu) as Backend & { readSync?: unknown };
  Object.defineProperties(backend, {
    name: { value: name },
    canReadSync: { value: false },
    readSync: { value: undefined },
    read: {
      value: (buffer: BackendBuffer, dtype: torch.DType, size: number) => {
        const values = cpu.readSync!(buffer, dtype, size);
        return new Promise((resolve) => setTimeout(() => resolve(values), 2));
      },
    },
  });
  registerBackend(backend, 0);
  // As a backend package does on import: torch.backends.<name> says it is installed.
  registerBackendControls(name, { is_available: () => true });
  return name;
}
