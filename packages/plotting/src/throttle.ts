/**
 * Redrawing at most every `minInterval` milliseconds, on an animation frame: a training loop may
 * append thousands of points a second, and a chart needs only a few redraws a second to look live.
 */
export class FrameThrottle {
  // The pending scheduled redraw, if any; a flush cancels it so no second schedule starts.
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private last = -Infinity;
  private running: Promise<void> = Promise.resolve();

  /** @param draw the redraw; @param minInterval the least time between two redraws, in ms */
  constructor(
    private readonly draw: () => Promise<void>,
    private readonly minInterval: number,
  ) {}

  /** Asks for a redraw; requests made before it runs are served by the same redraw. */
  request(): void {
    if (this.timer !== undefined || this.frame !== undefined) return;
    const wait = Math.max(0, this.last + this.minInterval - now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.frame = nextFrame(() => {
        this.frame = undefined;
        void this.run().catch((e: unknown) => console.error(e));
      });
    }, wait);
  }

  /** Redraws now (after any redraw under way), e.g. once a training loop ends. */
  async flush(): Promise<void> {
    this.cancel();
    await this.run();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.frame !== undefined) cancelFrame(this.frame);
    this.timer = this.frame = undefined;
  }

  private run(): Promise<void> {
    // The interval counts from here, so a request made while this redraw waits or runs is
    // scheduled a full interval later.
    this.last = now();
    // One redraw at a time: a redraw waits for the one before it to finish.
    this.running = this.running.catch(() => {}).then(() => this.draw());
    return this.running;
  }
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

// requestAnimationFrame skips hidden tabs' frames; a timer stands in where it is missing.
function nextFrame(f: () => void): number {
  if (typeof requestAnimationFrame === "function") return requestAnimationFrame(() => f());
  return setTimeout(f, 0) as unknown as number;
}

function cancelFrame(handle: number): void {
  if (typeof cancelAnimationFrame === "function") cancelAnimationFrame(handle);
  else clearTimeout(handle as unknown as ReturnType<typeof setTimeout>);
}
