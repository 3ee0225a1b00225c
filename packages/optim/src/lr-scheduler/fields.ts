/**
 * Schedulers save every field but the optimizer, as PyTorch's `state_dict` saves `__dict__`.
 * Values are copied both ways, so a saved state never aliases a live scheduler.
 */
export function saveFields(owner: object, unsaved: (key: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(owner)) if (!unsaved(key)) out[key] = structuredClone(value);
  return out;
}

/** Restore fields written by {@link saveFields}. */
export function loadFields(owner: object, state_dict: Record<string, unknown>, unsaved: (key: string) => boolean): void {
  for (const [key, value] of Object.entries(state_dict))
    if (!unsaved(key)) (owner as Record<string, unknown>)[key] = structuredClone(value);
}
