/**
 * A Vega view in a page that grows as points arrive: new points are streamed into the view's
 * datasets as change sets, so Vega updates scales, axes and marks without re-parsing the spec.
 */
import { datasetName, rowsOf, type VegaLiteSpec } from "./axes-spec.js";
import { resolveContainer, type ContainerSpec, type PageElement } from "./render-browser.js";
import type { ResolvedSeries } from "./series.js";
import { compileSpec, loadVega } from "./vega.js";

type View = InstanceType<Awaited<ReturnType<typeof loadVega>>["vega"]["View"]>;

/** A live view of some series, redrawn by {@link LiveView.update}. */
export class LiveView {
  private view: View | undefined;
  private names: string[] = [];
  private sent: number[] = [];
  /** The element the view draws into. */
  readonly element: PageElement;

  constructor(container: ContainerSpec | undefined) {
    const parent = resolveContainer(container, "LossChart");
    this.element = parent.appendChild(document.createElement("div"));
    this.element.className = "flambeau-figure flambeau-live";
  }

  /**
   * Shows `series` (every point so far): only the points not yet sent go to Vega. A new series
   * changes the legend, so the view is then built again from `spec()`.
   */
  async update(series: readonly ResolvedSeries[], labels: readonly string[], spec: () => Promise<VegaLiteSpec>): Promise<void> {
    const { vega } = await loadVega();
    if (!this.view || labels.join("\u0000") !== this.names.join("\u0000")) {
      this.view?.finalize();
      this.view = new vega.View(await compileSpec(await spec()), { renderer: "svg", container: this.element, hover: false });
      this.names = [...labels];
      this.sent = series.map((s) => s.x.length);
      await this.view.runAsync();
      return;
    }
    series.forEach((s, k) => {
      const rows = rowsOf(s, this.sent[k]);
      if (rows.length) this.view!.change(datasetName(k), vega.changeset().insert(rows));
      this.sent[k] = s.x.length;
    });
    await this.view.runAsync();
  }

  /** Stops the view and removes it from the page. */
  close(): void {
    this.view?.finalize();
    this.view = undefined;
    this.element.remove();
  }
}
