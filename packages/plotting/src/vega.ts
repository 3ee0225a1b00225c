/**
 * Vega and Vega-Lite, loaded on first use: importing the package stays cheap (the facade
 * re-exports it), and a browser bundle puts them in a chunk of their own.
 */
import type * as VegaModule from "vega";
import type * as VegaLiteModule from "vega-lite";
import { useDejaVuMetrics } from "./text-metrics.js";

/** The `vega` module. */
export type Vega = typeof VegaModule;

let loaded: Promise<{ vega: Vega; vl: typeof VegaLiteModule }> | undefined;

/** Vega and Vega-Lite, imported once. */
export function loadVega(): Promise<{ vega: Vega; vl: typeof VegaLiteModule }> {
  return (loaded ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => {
    useDejaVuMetrics(vega);
    return { vega, vl };
  }));
}

/** Compiles a Vega-Lite spec (plain JSON) to a parsed Vega runtime spec. */
export async function compileSpec(spec: Record<string, unknown>): Promise<VegaModule.Runtime> {
  const { vega, vl } = await loadVega();
  // The spec is built as JSON; Vega-Lite validates it as it compiles.
  const compiled = vl.compile(spec as unknown as VegaLiteModule.TopLevelSpec).spec;
  return vega.parse(compiled);
}

/** Renders a Vega-Lite spec to an SVG string without a DOM (Node or browser). */
export async function specToSVG(spec: Record<string, unknown>): Promise<string> {
  const { vega } = await loadVega();
  const view = new vega.View(await compileSpec(spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
