/**
 * Importing Node-only modules (fs, resvg) by a specifier held in a variable: bundlers leave such
 * an import alone, so a browser build never tries to pull them in.
 */
export function nodeImport<T>(specifier: string): Promise<T> {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier) as Promise<T>;
}

/** True where there is a DOM to draw into. */
export function hasDOM(): boolean {
  return typeof document !== "undefined" && typeof document.createElement === "function";
}

/** True in Node (where files can be written). */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === "string";
}

/** Throws, naming `op`, unless running in Node. */
export function requireNode(op: string): void {
  if (!isNode()) throw new Error(`${op} writes files and needs Node; in a browser use toSVG() or show()`);
}
