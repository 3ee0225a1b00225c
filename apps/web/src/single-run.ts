/**
 * One run at a time on a page: the default device and pyplot's current figure are global, so a
 * new run (another device, a re-run, lesson 4's gradient descent) first stops the one under way.
 */

/** The run under way on a page, if any. */
export class SingleRun {
  private current: { abort: AbortController; done: Promise<void> } | null = null;
  private latest = 0;

  /**
   * Stops the run under way and waits for it to end, then runs `job` — unless `start` was called
   * again meanwhile (the latest request wins). Resolves when `job` ends; an aborted job ends quietly.
   *
   * @example
   * ```ts
   * await runs.start(async (signal) => { await runInBrowser(lesson, { …, signal }); });
   * ```
   */
  async start(job: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const ticket = ++this.latest;
    await this.stop();
    if (ticket !== this.latest) return;
    const abort = new AbortController();
    const done = job(abort.signal).catch((e: unknown) => {
      if (!abort.signal.aborted) throw e;
    });
    const current = { abort, done: done.catch(() => {}) };
    this.current = current;
    try {
      await done;
    } finally {
      if (this.current === current) this.current = null;
    }
  }

  /**
   * Aborts the run under way (at its next print or step) and waits for it to end.
   *
   * @example
   * ```ts
   * await runs.stop(); // before leaving the page
   * ```
   */
  async stop(): Promise<void> {
    const current = this.current;
    if (!current) return;
    current.abort.abort(new DOMException("the run was stopped", "AbortError"));
    await current.done;
  }
}
