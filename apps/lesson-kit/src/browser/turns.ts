/**
 * Turns for the page during a long loop. A lesson's loop on the CPU never waits for anything
 * but resolved promises (microtasks), so the page would not draw until it ended; every few
 * frames the loop's progress step instead waits for a task, between which the browser paints.
 */

/** How long a loop may hold the page before it yields: about three frames. */
const HOLD_MS = 50;

/** Decides when a loop gives the page a turn. */
export class PageTurns {
  private last = performance.now();

  /**
   * Nothing while the loop has held the page for less than {@link HOLD_MS}; else a promise
   * that resolves in a new task, after the browser had its chance to draw.
   *
   * @example
   * ```ts
   * const turns = new PageTurns();
   * for (let i = 0; i < 3000; i++) { step(); await turns.maybeYield(); }
   * ```
   */
  maybeYield(): Promise<void> | undefined {
    const now = performance.now();
    if (now - this.last < HOLD_MS) return undefined;
    return new Promise((resolve) =>
      setTimeout(() => {
        this.last = performance.now();
        resolve();
      }, 0),
    );
  }
}
