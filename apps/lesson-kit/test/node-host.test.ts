import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { NodeHost } from "@flambeau/lesson-kit/node";
import { fakeTerminal } from "@flambeau/test-kit/lessons";

describe("NodeHost", () => {
  it("draws a progress bar with the current loss on a terminal, and none elsewhere", async () => {
    const stderr = fakeTerminal();
    const lines: string[] = [];
    const stdout = new PassThrough();
    stdout.on("data", (c: Buffer) => lines.push(c.toString()));
    const host = new NodeHost({ dir: "unused", stdout, stderr });
    const bar = host.progress(3, "training");
    bar.tick(torch.tensor(3012.6));
    host.write("e = 1");
    bar.tick(2);
    bar.done();
    await new Promise((r) => setImmediate(r));
    expect(stderr.text()).toMatch(/training \[.*\] \d\/3 \| loss 3012\.6/);
    expect(lines.join("")).toBe("e = 1\n");
    expect(host.output).toEqual(["e = 1"]);

    const quiet = new NodeHost({ dir: "unused", stdout: null, stderr: null });
    const none = quiet.progress(3, "training");
    none.tick(1);
    none.done();
  });

  it("gives the event loop a turn from a tick a few times a second, so finalizers can free GPU memory", async () => {
    const host = new NodeHost({ dir: "unused", stdout: null, stderr: null });
    const bar = host.progress(1000, "training");
    let turned = false;
    setImmediate(() => (turned = true));
    expect(bar.tick(1)).toBeUndefined(); // the first tick right after the start: no turn, no cost
    expect(turned).toBe(false);
    await new Promise((r) => setTimeout(r, 120));
    turned = false;
    setImmediate(() => (turned = true));
    const ticked = bar.tick(2);
    expect(ticked).toBeInstanceOf(Promise);
    await ticked;
    expect(turned).toBe(true); // a task, not only a microtask, ran before the tick resolved
    bar.done();
  });
});
