import { Tensor } from "@flambeau/tensor";
import { fmtShape } from "@flambeau/tensor/internal";
import type { ParamGroup } from "./optimizer.js";

/**
 * An optimizer's `state_dict()`, laid out as PyTorch's: per-parameter `state` keyed by the
 * parameter's index, and `param_groups` with their options and `params` as indices.
 *
 * @example
 * ```ts
 * opt.state_dict();
 * // { state: { 0: { step: 10, exp_avg: Tensor, exp_avg_sq: Tensor }, … },
 * //   param_groups: [{ lr: 0.001, betas: [0.9, 0.999], …, params: [0, 1] }] }
 * ```
 */
export interface OptimizerStateDict {
  state: Record<number, Record<string, unknown>>;
  param_groups: SavedParamGroup[];
}

/** A parameter group in a state dict: its options, and its parameters as indices. */
export interface SavedParamGroup {
  params: number[];
  [option: string]: unknown;
}

/** Number the parameters in group order, as PyTorch's `state_dict` does, and pack groups and state. */
export function packGroups(groups: readonly ParamGroup[], state: ReadonlyMap<Tensor, object>): OptimizerStateDict {
  const index = new Map<Tensor, number>();
  let start = 0;
  const param_groups = groups.map((group) => {
    const packed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(group))
      if (key !== "params") packed[key] = Array.isArray(value) ? value.slice() : value;
    group.params.forEach((p, i) => {
      if (!index.has(p)) index.set(p, start + i);
    });
    packed.params = group.params.map((p) => index.get(p)!);
    start += group.params.length;
    return packed as SavedParamGroup;
  });
  const packedState: Record<number, Record<string, unknown>> = {};
  for (const [p, s] of state) {
    const i = index.get(p);
    if (i !== undefined) packedState[i] = { ...s };
  }
  return { state: packedState, param_groups };
}

/**
 * Map saved state onto this optimizer's parameters by position, copying every tensor onto the
 * parameter's device and floating dtype. Throws, without side effects, on state that cannot
 * belong to the parameter it would land on.
 */
export function unpackState(
  saved: Record<number, Record<string, unknown>>,
  groups: readonly ParamGroup[],
  savedGroups: readonly SavedParamGroup[],
): Map<Tensor, Record<string, unknown>> {
  const byId = new Map<number, Tensor>();
  groups.forEach((g, gi) => g.params.forEach((p, i) => byId.set(Number(savedGroups[gi]!.params[i]), p)));
  const state = new Map<Tensor, Record<string, unknown>>();
  for (const [key, entry] of Object.entries(saved)) {
    const param = byId.get(Number(key));
    if (param === undefined)
      throw new Error(`loaded state dict has state for parameter ${key}, which none of its param_groups lists`);
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(entry)) copy[name] = castLike(param, name, value, key);
    state.set(param, copy);
  }
  return state;
}

function castLike(param: Tensor, name: string, value: unknown, index: string): unknown {
  if (value instanceof Tensor) {
    // Step counts are plain numbers here; PyTorch 1.12+ stores them as 0-d tensors.
    if (name === "step") return value.itemSync();
    if (value.ndim > 0 && value.shape.join() !== param.shape.join())
      throw new Error(
        `loaded state dict has '${name}' of shape ${fmtShape(value.shape)} for parameter ${index} of shape ${fmtShape(param.shape)}`,
      );
    // A copy, as PyTorch deep-copies: the loaded optimizer must not share buffers with the source.
    let t = value.detach().to(param.device);
    if (param.dtype === "float32" || param.dtype === "float64") t = t.to(param.dtype);
    return t.clone();
  }
  return Array.isArray(value) ? value.slice() : value;
}
