/**
 * Turns for the page during a long loop. A lesson's loop on the CPU never waits for anything
 * but resolved promises (microtasks), so the page would not draw until it ended; every few
 * frames the loop's progress step instead waits for the next frame. A plain `setTimeout(0)`
 * is not enough: Chromium may run task after task without painting (a 3000-step lesson ran
 * start to end without one frame), so the turn waits for `requestAnimationFrame` and then a
 * task, which comes after that frame is drawn.
 */

/** How long a loop may hold the page before it yields: about three frames. */
const HOLD_MS = 50;
/** A hidden page gets no frames: past this wait, the loop goes on without one. */
const NO_FRAME_MS = 100;

/** Decides when a loop gives the page a turn. */
export class PageTurns {
  private last = performance.now();

  /**
   * Nothing while the loop has held the page for less than {@link HOLD_MS}; else a promise
   * that resolves once the browser has drawn a frame (or after {@link NO_FRAME_MS} when it
   * draws none, as in a background tab).
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
    return new Promise((resolve) => {
      let resolved = false;
      const done = () => {
        if (resolved) return;
        resolved = true;
        this.last = performance.now();
        resolve();
      };
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, typeof requestAnimationFrame === "function" ? NO_FRAME_MS : 0);
    });
  }
}
