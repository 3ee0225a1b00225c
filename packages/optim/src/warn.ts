/**
 * PyTorch's `warnings.warn`: Python shows a warning once per call site by default, so a
 * message repeated in a training loop is printed once here too.
 */
const shown = new Set<string>();

export function warnOnce(message: string): void {
  if (shown.has(message)) return;
  shown.add(message);
  console.warn(`UserWarning: ${message}`);
}

/** Forget which warnings were shown (for tests). @internal */
export function resetWarnings(): void {
  shown.clear();
}
