/**
 * `torch.backends`: each backend package's controls (initialisation, availability, diagnostics),
 * filled in when the package is imported — the same moment it registers its device (DESIGN.md,
 * decision 9). The tensor package cannot depend on its backends, so the members' types are added
 * by the backend packages themselves through declaration merging on {@link Backends}.
 */

/** What every entry of `torch.backends` answers: whether its device can be used here. */
export interface BackendControls {
  /** True when the device works here; may be a promise where that is only known asynchronously. */
  is_available(): boolean | Promise<boolean>;
}

/**
 * The entries of `torch.backends`. Backend packages add theirs:
 *
 * @example
 * ```ts
 * // in @flambeau/backend-example:
 * declare module "@flambeau/tensor" {
 *   interface Backends { example: typeof controls }
 * }
 * registerBackendControls("example", controls);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Backends {}

const installed = new Map<string, BackendControls>();

/**
 * Publish a backend package's controls as `torch.backends.<name>`. Called by backend packages
 * on import, next to `registerBackend`.
 *
 * @example
 * ```ts
 * registerBackendControls("webgpu", { init, is_available, synchronize });
 * ```
 */
export function registerBackendControls(name: string, controls: BackendControls): void {
  installed.set(name, controls);
}

// Asking an uninstalled backend whether it is available is a fair question with the answer
// "no"; anything else it is asked fails, naming the package that provides it.
function notInstalled(name: string): BackendControls {
  const pkg = `@flambeau/backend-${name}`;
  return new Proxy({ is_available: () => false } as BackendControls, {
    get(target, prop) {
      if (prop === "is_available") return target.is_available;
      if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
      throw new Error(
        `torch.backends.${name}.${prop}: the '${name}' backend is not installed. ` +
          `Install and import its package first: npm i ${pkg}, then import "${pkg}".`,
      );
    },
  });
}

/**
 * Backend controls, as PyTorch's `torch.backends` (and `torch.cuda`) give them: for example
 * `torch.backends.webgpu.init()` once `@flambeau/backend-webgpu` is imported. An entry whose
 * package is not imported answers `is_available()` with false and fails on anything else with
 * an error naming the package.
 *
 * @example
 * ```ts
 * import * as torch from "flambeau";
 * import "@flambeau/backend-webgpu";
 * const device = (await torch.backends.webgpu.is_available()) ? "webgpu" : "cpu";
 * ```
 */
export const backends: Backends = new Proxy({} as Backends, {
  get(_target, prop) {
    if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
    return installed.get(prop) ?? notInstalled(prop);
  },
  has(_target, prop) {
    return typeof prop === "string" && installed.has(prop);
  },
  ownKeys() {
    return [...installed.keys()];
  },
  getOwnPropertyDescriptor(_target, prop) {
    const controls = typeof prop === "string" ? installed.get(prop) : undefined;
    return controls && { value: controls, enumerable: true, configurable: true, writable: false };
  },
});
