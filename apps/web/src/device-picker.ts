/** The backend selector: every device of this browser, the unusable ones disabled with the reason. */
import type { DeviceName, DeviceProbe } from "@flambeau/lesson-kit";
import { DEVICE_LABELS, type DeviceMenu } from "./devices.js";

/**
 * A `<select name="device">` of `menu`'s devices, the best one selected.
 *
 * @example
 * ```ts
 * toolbar.append(devicePicker(await deviceMenu()));
 * ```
 */
export function devicePicker(menu: DeviceMenu): HTMLSelectElement {
  const select = document.createElement("select");
  select.name = "device";
  // Best first, as the default is chosen: WebGPU, gpu.js, then the CPU.
  const order: DeviceName[] = ["webgpu", "gpujs", "cpu"];
  for (const name of order) {
    const probe = menu.probes.find((p) => p.device === name)!;
    const option = select.appendChild(document.createElement("option"));
    option.value = name;
    option.textContent = DEVICE_LABELS[name] + (probe.available ? availableNote(probe) : " — unavailable");
    option.disabled = !probe.available;
    if (probe.reason) option.title = probe.reason;
  }
  select.value = menu.best;
  return select;
}

// What an option says of a working GPU device that is not a real GPU.
function availableNote(probe: DeviceProbe): string {
  if (probe.device === "cpu") return "";
  if (probe.accelerated === false) return " — CPU fallback";
  return probe.software ? ` — software (${probe.software})` : "";
}
