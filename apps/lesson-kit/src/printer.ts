/**
 * What a lesson prints, in the order it printed it: `print` and `pprint` format their arguments
 * as Python would and hand whole lines to a sink (the terminal, a page). Values on a GPU device
 * are read asynchronously; a line waiting for one holds back the lines after it.
 */
import { pformat } from "./pprint.js";
import { str } from "./pyrepr.js";
import { snapshot } from "./snapshot.js";

/** Where printed text goes: one call per `print`, without the final newline. */
export type TextSink = (text: string) => void;

/** Ordered, Python-formatted printing into a {@link TextSink}. */
export class Printer {
  private pending: Promise<void> | null = null;

  constructor(private readonly sink: TextSink) {}

  /** Python's `print(*values)`: `str()` of each value, joined by a space. */
  print(...values: unknown[]): void {
    this.emit(snapshot(values), (vals) => (vals as unknown[]).map(str).join(" "));
  }

  /** Python's `pprint.pprint(value)`. */
  pprint(value: unknown): void {
    this.emit(snapshot(value), pformat);
  }

  /** Resolves once every line printed so far has reached the sink. */
  async flush(): Promise<void> {
    while (this.pending) await this.pending;
  }

  private emit(value: unknown, format: (v: unknown) => string): void {
    if (!this.pending && !(value instanceof Promise)) return this.sink(format(value));
    const previous = this.pending ?? Promise.resolve();
    const done: Promise<void> = Promise.all([previous, value]).then(([, v]) => {
      this.sink(format(v));
      if (this.pending === done) this.pending = null;
    });
    // A failed read surfaces from flush(), not as an unhandled rejection in between.
    done.catch(() => {});
    this.pending = done;
  }
}
