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
});
