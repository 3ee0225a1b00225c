import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { Figure as PlotFigure, pyplot as plt } from "@flambeau/plotting";
import { runLesson, type Figure, type Lesson, type LessonHost, type Progress } from "@flambeau/lesson-kit";
import { registerAsyncDevice } from "./helpers/async-device.js";

/** A host that records what a lesson did, in order. */
function recordingHost() {
  const events: string[] = [];
  const saved = new Map<string, Uint8Array>();
  const host: LessonHost = {
    write: (text) => void events.push(`print ${text}`),
    showFigure: async (name: string, fig: Figure) => void events.push(`figure ${name} ${fig.axes.length}`),
    progress: (total: number, label: string): Progress => ({
      tick: () => void events.push(`tick ${label}/${total}`),
      done: () => void events.push(`done ${label}`),
    }),
    save: async (sd, name) => {
      saved.set(name, await torch.saveToBytes(sd));
      return name;
    },
    load: async (name) => torch.loadFromBytes(saved.get(name)!),
  };
  return { host, events };
}

describe("runLesson", () => {
  it("gives the lesson its device as the default device, and restores the CPU after", async () => {
    const device = torch.device(registerAsyncDevice("webgpu"));
    const { host, events } = recordingHost();
    const lesson: Lesson<string> = {
      id: 9,
      slug: "lesson9-test",
      title: "test",
      source: { file: "none.txt", title: "none" },
      async run(ctx) {
        const t = torch.ones([2]);
        ctx.print(t);
        plt.plot([1, 2, 3]);
        await ctx.figure("a-line");
        const bar = ctx.progress(2, "loop");
        bar.tick(1);
        bar.done();
        plt.plot([1, 2]); // left open: closed after the run
        return t.device.toString();
      },
    };
    expect(await runLesson(lesson, host, { device })).toBe("webgpu");
    expect(events).toEqual([
      "print tensor([1., 1.], device='webgpu')",
      "figure a-line 1",
      "tick loop/2",
      "done loop",
    ]);
    expect(torch.ones([1]).device.type).toBe("cpu");
    expect(plt.get_fignums()).toEqual([]);
  });

  it("saves and loads state dicts through the host, and refuses odd figure names", async () => {
    const { host } = recordingHost();
    const lesson: Lesson<number[]> = {
      id: 9,
      slug: "lesson9-test",
      title: "test",
      source: { file: "none.txt", title: "none" },
      async run(ctx) {
        const model = new torch.nn.Linear(1, 1);
        await ctx.save(model.state_dict(), "m.safetensors");
        const fresh = new torch.nn.Linear(1, 1);
        fresh.load_state_dict(await ctx.load("m.safetensors"));
        await expect(ctx.figure("Bad Name", new PlotFigure())).rejects.toThrow(/lower-case words/);
        return [await fresh.weight.item(), await model.weight.item()];
      },
    };
    const [a, b] = await runLesson(lesson, host);
    expect(a).toBe(b);
  });
});
