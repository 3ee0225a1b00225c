// A device that behaves like a GPU where it matters here: it cannot read synchronously, and its
// reads resolve later (copying the values when the read is issued, as a GPU queue does). It is
// the CPU backend underneath, registered under another name.
import * as torch from "flambeau";

/** Registers the stand-in under `name` (default "webgpu") and returns the name. */
export function registerAsyncDevice(name = "webgpu"): string {
  const cpu = torch.getBackend("cpu");
  const backend = Object.create(cpu) as torch.Backend & { readSync?: unknown };
  Object.defineProperties(backend, {
    name: { value: name },
    canReadSync: { value: false },
    readSync: { value: undefined },
    read: {
      value: (buffer: torch.BackendBuffer, dtype: torch.DType, size: number) => {
        const values = cpu.readSync!(buffer, dtype, size);
        return new Promise((resolve) => setTimeout(() => resolve(values), 2));
      },
    },
  });
  torch.registerBackend(backend, 0);
  return name;
}
