import type { Tensor } from "@flambeau/tensor";
import type { ParamGroup } from "./optimizer.js";

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Everything `step()` could fail on, checked for every group before any parameter moves, so a
 * failed step leaves parameters and state as they were: option values of the kinds the
 * defaults have (a learning rate set to a string later), and gradients of each parameter's
 * shape, dtype and device.
 */
export function checkStep(name: string, groups: readonly ParamGroup[], defaults: object): void {
  groups.forEach((group, gi) => {
    for (const [option, d] of Object.entries(defaults)) {
      const v = group[option];
      const ok =
        typeof d === "number" || typeof d === "symbol" ? typeof v === "number" && !Number.isNaN(v)
        : typeof d === "boolean" ? typeof v === "boolean"
        : Array.isArray(d) ? Array.isArray(v) && v.length === d.length && v.every((x) => typeof x === "number")
        : true;
      if (!ok)
        throw new TypeError(`${name}.step(): param_groups[${gi}].${option} must be ${Array.isArray(d) ? `${d.length} numbers` : typeof d === "boolean" ? "a boolean" : "a number"}, got ${JSON.stringify(v) ?? String(v)}; no parameter was updated`);
    }
    group.params.forEach((p: Tensor, pi) => {
      const g = p.grad;
      if (g === null) return;
      if (!sameShape(g.shape, p.shape) || g.dtype !== p.dtype || g.device.type !== p.device.type)
        throw new Error(
          `${name}.step(): the gradient of param_groups[${gi}].params[${pi}] is ${g.dtype} [${g.shape.join(", ")}] on '${g.device}' but the parameter is ${p.dtype} [${p.shape.join(", ")}] on '${p.device}'; no parameter was updated`,
        );
    });
  });
}
