/**
 * A terminal progress bar for long loops, with the current loss beside it (cli-progress). It
 * draws only on a terminal, so tests and piped output get nothing, and reads a loss tensor at
 * most a few times a second — never once per step — so the loop keeps its speed.
 */
import { clearLine, cursorTo } from "node:readline";
import { Presets, SingleBar } from "cli-progress";
import * as torch from "flambeau";
import type { Progress } from "../context.js";

const READ_EVERY_MS = 100;
/** How often {@link withTurns} lets the event loop turn. */
const TURN_EVERY_MS = 100;

/**
 * `progress` with the event loop given a turn from its `tick` a few times a second. Lessons
 * `await` each tick, and a training loop that only ever awaits ticks never lets the finalizers
 * of its garbage tensors run: on a GPU device the intermediates of a model's `forward` would hold
 * their device memory until the loop ends, whatever the collector does (docs/design.md, "Decision
 * 5 in detail"). A turn costs microseconds; a GPU step takes milliseconds or more.
 */
export function withTurns(progress: Progress): Progress {
  let last = Date.now();
  return {
    tick: (loss) => {
      const ticked = progress.tick(loss);
      const now = Date.now();
      if (now - last < TURN_EVERY_MS) return ticked;
      last = now;
      return Promise.resolve(ticked).then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    },
    done: () => progress.done(),
  };
}

/** A {@link Progress} that does nothing (no terminal). */
export const NO_PROGRESS: Progress = { tick() {}, done() {} };

/** A progress bar on `stream` (a terminal): `label [████░░] 120/3000 | loss 3012.60`. */
export class TerminalProgress implements Progress {
  private readonly bar: SingleBar;
  private value = 0;
  private lastRead = 0;
  private reading = false;

  constructor(
    total: number,
    label: string,
    private readonly stream: NodeJS.WriteStream,
  ) {
    this.bar = new SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} | loss {loss}`,
        stream,
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
        fps: 10,
      },
      Presets.shades_classic,
    );
    this.bar.start(total, 0, { loss: "…" });
  }

  tick(loss?: number | torch.Tensor): void {
    this.value++;
    this.bar.update(this.value);
    if (loss === undefined || this.reading) return;
    const now = Date.now();
    if (now - this.lastRead < READ_EVERY_MS) return;
    this.lastRead = now;
    if (typeof loss === "number") return this.showLoss(loss);
    if (torch.can_read_sync(loss)) return this.showLoss(loss.itemSync());
    this.reading = true;
    loss
      .item()
      .then((v) => this.showLoss(v))
      .catch(() => {})
      .finally(() => (this.reading = false));
  }

  done(): void {
    this.bar.stop();
  }

  /** Clears the bar's line so a printed line can take it; the bar redraws below at its next step. */
  clearLine(): void {
    cursorTo(this.stream, 0);
    clearLine(this.stream, 0);
  }

  private showLoss(v: number): void {
    this.bar.update(this.value, { loss: Number(v.toPrecision(6)).toString() });
  }
}
