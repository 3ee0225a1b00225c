/**
 * `torch.plotting`: the figures of `@flambeau/plotting`, an optional peer of the facade. Plotting
 * brings a charting library, fonts and a native PNG renderer (about 40 MB), so a program that
 * never plots does not install it. Where it is installed, `torch.plotting` is that package:
 * importing `@flambeau/plotting` anywhere fills it in (as importing a GPU backend fills in
 * `torch.backends.<name>`), and in Node it is also loaded on first use. Where it is not, using
 * `torch.plotting` fails with an error that says what to install.
 */

// @flambeau/plotting puts its module here when it is evaluated; it cannot import the facade
// (the facade would then depend on it), so a registry-wide symbol is the meeting point.
const REGISTRY_KEY = Symbol.for("flambeau.plotting");
const PACKAGE = "@flambeau/plotting";

declare global {
  /**
   * The type of `torch.plotting`: empty here, and the whole `@flambeau/plotting` module once that
   * package's types are part of the program (`import "@flambeau/plotting"` or any import from it).
   * Declared globally so the facade's types never name a package that may not be installed.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface FlambeauPlotting {}
}

type NodeRequire = (id: string) => unknown;
type NodeModuleBuiltin = { createRequire(from: string): NodeRequire };
type NodeProcess = { getBuiltinModule?(id: string): unknown };

function registered(): object | undefined {
  return (globalThis as Record<symbol, object | undefined>)[REGISTRY_KEY];
}

// Node (>= 20.19) require()s an ES module graph synchronously, so the first property read can
// load the package without making the facade asynchronous. No static import of node:module:
// the facade also runs in browsers, where a bundler includes plotting only if the app imports it.
function loadInNode(): object | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const nodeModule = proc?.getBuiltinModule?.("node:module") as NodeModuleBuiltin | undefined;
  if (!nodeModule) return undefined;
  try {
    return nodeModule.createRequire(import.meta.url)(PACKAGE) as object;
  } catch (e) {
    // Only "the package itself is not there" means not installed; a failure inside it is its own.
    const err = e as { code?: string; message?: string };
    if (err.code === "MODULE_NOT_FOUND" && err.message?.includes(`'${PACKAGE}'`)) return undefined;
    throw e;
  }
}

let cached: object | undefined;

function plottingModule(op: string): object {
  cached ??= registered() ?? loadInNode();
  if (cached) return cached;
  throw new Error(
    `torch.plotting.${op}: plotting is an optional part of flambeau and ${PACKAGE} is not installed. ` +
      `Install it (npm i ${PACKAGE}) and import it once (import "${PACKAGE}"), or import its functions ` +
      `directly: import { pyplot as plt } from "${PACKAGE}".`,
  );
}

// Inspecting the namespace (console.log(torch), a test runner printing it) must not throw.
function tryModule(): object | undefined {
  try {
    return plottingModule("");
  } catch {
    return undefined;
  }
}

/**
 * Matplotlib- and Plotly-style figures, from the optional package `@flambeau/plotting`
 * (`npm i @flambeau/plotting`). Its types join `torch.plotting` once the program imports it.
 *
 * @example
 * ```ts
 * import * as torch from "flambeau";
 * import "@flambeau/plotting";
 * const plt = torch.plotting.pyplot;
 * plt.plot([0, 1, 2], [0, 1, 4]);
 * await plt.savefig("square.png");
 * ```
 */
export const plotting: FlambeauPlotting = new Proxy({} as FlambeauPlotting, {
  get(_target, prop) {
    // Symbols and `then` are asked by inspectors and by `await`; they are no plotting function.
    if (typeof prop !== "string" || prop === "then") return undefined;
    return (plottingModule(prop) as Record<string, unknown>)[prop];
  },
  has(_target, prop) {
    const mod = tryModule();
    return mod !== undefined && prop in mod;
  },
  ownKeys() {
    const mod = tryModule();
    return mod ? Reflect.ownKeys(mod).filter((k) => typeof k === "string") : [];
  },
  getOwnPropertyDescriptor(_target, prop) {
    const mod = tryModule() as Record<string | symbol, unknown> | undefined;
    if (!mod || typeof prop !== "string" || !(prop in mod)) return undefined;
    return { value: mod[prop], enumerable: true, configurable: true, writable: false };
  },
});
