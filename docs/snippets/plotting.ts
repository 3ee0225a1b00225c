// matplotlib's pyplot, on tensors: a scatter of data, a line, a legend, saved as SVG.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as torch from "flambeau";
import { pyplot as plt } from "@flambeau/plotting";

torch.manual_seed(0);
const x = torch.linspace(0, 10, 20);
const y = x.mul(2).add(1).add(torch.randn([20]));
plt.scatter(x, y, { label: "data" });
plt.plot(x, x.mul(2).add(1), { color: "red", label: "y = 2x + 1" });
plt.xlabel("x");
plt.ylabel("y");
plt.legend();
const file = await plt.savefig(join(mkdtempSync(join(tmpdir(), "flambeau-")), "fit.svg"));
plt.close("all");
console.log(readFileSync(file, "utf8").startsWith("<svg"));
