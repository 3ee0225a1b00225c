/**
 * Redrawing at most every `minInterval` milliseconds, on an animation frame: a training loop may
 * append thousands of points a second, and a chart needs only a few redraws a second to look live.
 */
export class FrameThrottle {
  private scheduled = false;
  private last = -Infinity;
  private running: Promise<void> = Promise.resolve();

  /** @param draw the redraw; @param minInterval the least time between two redraws, in ms */
  constructor(
    private readonly draw: () => Promise<void>,
    private readonly minInterval: number,
  ) {}

  /** Asks for a redraw; requests made before it runs are served by the same redraw. */
  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = Math.max(0, this.last + this.minInterval - now());
    setTimeout(() => nextFrame(() => void this.run().catch((e: unknown) => console.error(e))), wait);
  }

  /** Redraws now (after any redraw under way), e.g. once a training loop ends. */
  async flush(): Promise<void> {
    await this.run();
  }

  private run(): Promise<void> {
    this.scheduled = false;
    // One redraw at a time: a redraw waits for the one before it to finish.
    this.running = this.running.catch(() => {}).then(async () => {
      this.last = now();
      await this.draw();
    });
    return this.running;
  }
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

// requestAnimationFrame skips hidden tabs' frames; setTimeout stands in where it is missing.
function nextFrame(f: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => f());
  else setTimeout(f, 0);
}
