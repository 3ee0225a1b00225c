/**
 * Running a lesson in a host: the context a lesson sees, and the settings around a run (the
 * default device while it runs, pyplot's figures closed after it).
 */
import * as torch from "flambeau";
import { pyplot } from "@flambeau/plotting";
import type { Figure, LessonContext, LessonHost } from "./context.js";
import type { Lesson, LessonOptions } from "./lesson.js";
import { Printer } from "./printer.js";

/** Where a lesson runs and with which options. */
export interface RunSettings {
  /** The device tensors are created on (see {@link LessonContext.device}); default CPU. */
  device?: torch.Device;
  /** Lesson 5's GPU (see {@link LessonContext.accelerator}); default: `device`. */
  accelerator?: torch.Device;
  /** Options for the lesson. */
  options?: LessonOptions;
}

/** A context that can also wait for its printed output to reach the host. */
export interface FlushableContext extends LessonContext {
  /** Resolves once everything printed so far has been written. */
  flush(): Promise<void>;
}

const FIGURE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The {@link LessonContext} of a host. */
export function createContext(host: LessonHost, settings: RunSettings = {}): FlushableContext {
  const printer = new Printer((text) => host.write(text));
  const device = settings.device ?? torch.device("cpu");
  const plt = pyplot;
  return {
    torch,
    device,
    accelerator: settings.accelerator ?? device,
    options: { ...settings.options },
    print: (...values) => printer.print(...values),
    pprint: (value) => printer.pprint(value),
    async figure(name: string, fig?: Figure) {
      if (!FIGURE_NAME.test(name)) throw new Error(`figure: name '${name}' must be lower-case words joined by '-'`);
      const shown = fig ?? plt.gcf();
      // Like plt.show(), showing the current figure closes it: the next plot starts afresh.
      if (!fig) plt.close(shown);
      await printer.flush();
      await host.showFigure(name, shown);
    },
    progress: (total, label) => host.progress(total, label),
    save: (state_dict, name) => host.save(state_dict, name),
    load: (name) => host.load(name),
    flush: () => printer.flush(),
  };
}

/**
 * Runs `lesson` in `host`: tensors default to `settings.device` while it runs, everything it
 * printed is written before this resolves, and pyplot's open figures are closed afterwards.
 * Resolves to the lesson's results.
 *
 * @example
 * ```ts
 * const results = await runLesson(lesson, host, { device: await selectDevice("gpu") });
 * ```
 */
export async function runLesson<R>(lesson: Lesson<R>, host: LessonHost, settings: RunSettings = {}): Promise<R> {
  const ctx = createContext(host, settings);
  torch.set_default_device(ctx.device);
  try {
    const results = await lesson.run(ctx);
    await ctx.flush();
    return results;
  } finally {
    torch.set_default_device(null);
    pyplot.close("all");
  }
}
