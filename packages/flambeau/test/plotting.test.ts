// `torch.plotting` is the optional peer @flambeau/plotting: filled in by importing it, loaded on
// first use in Node where it is installed. (Where it is not installed, the packed-install test
// checks the error.)
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as torch from "flambeau";
import * as plotting from "@flambeau/plotting";

describe("torch.plotting", () => {
  it("is the @flambeau/plotting module once that is imported", () => {
    expect(torch.plotting.pyplot).toBe(plotting.pyplot);
    expect(torch.plotting.Figure).toBe(plotting.Figure);
    expect("plotly" in torch.plotting).toBe(true);
    expect(Object.keys(torch.plotting).sort()).toEqual(Object.keys(plotting).sort());
    // Asked by `await` and by inspectors, never a plotting function.
    expect((torch.plotting as unknown as Record<string, unknown>).then).toBeUndefined();
  });

  it("loads the installed package on first use in Node, from ES modules and from require()", () => {
    // The built facade in a fresh process, where nothing imported @flambeau/plotting first.
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    // Without the NODE_PATH of pnpm's bin shims: the facade must find plotting on its own.
    const { NODE_PATH: _shimPaths, ...env } = process.env;
    const esm = execFileSync("node", ["--input-type=module", "-e",
      `import * as torch from "flambeau"; console.log(typeof torch.plotting.pyplot.scatter, typeof torch.plotting.Figure);`], { cwd, env, encoding: "utf8" });
    expect(esm.trim()).toBe("function function");
    const cjs = execFileSync("node", ["-e",
      `const torch = require("flambeau"); console.log(typeof torch.plotting.pyplot.scatter);`], { cwd, env, encoding: "utf8" });
    expect(cjs.trim()).toBe("function");
  });

  it("is not loaded, nor its native renderer, by a program that never plots, even where it is installed", () => {
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const { NODE_PATH: _shimPaths, ...env } = process.env;
    // Only @flambeau/plotting imports the renderer (@resvg/resvg-js) and vega, so neither the
    // package's registration nor any of their modules means none of it was loaded.
    const out = execFileSync("node", ["--input-type=module", "-e", `
      import * as torch from "flambeau";
      import { createRequire } from "node:module";
      const loaded = () => ({
        registered: globalThis[Symbol.for("flambeau.plotting")] !== undefined,
        modules: Object.keys(createRequire(import.meta.url).cache).filter((k) => /resvg|vega|plotting/.test(k)).length,
      });
      const model = new torch.nn.Linear(2, 1);
      model(torch.ones([3, 2])).sum().backward();
      const trained = loaded();
      torch.plotting.pyplot;
      console.log(JSON.stringify({ trained, plotted: loaded() }));`], { cwd, env, encoding: "utf8" });
    const { trained, plotted } = JSON.parse(out.trim());
    expect(trained).toEqual({ registered: false, modules: 0 });
    // The same probe sees plotting once torch.plotting is used.
    expect(plotted.registered).toBe(true);
    expect(plotted.modules).toBeGreaterThan(0);
  });
});
