// The page's script: the plotting package as a browser would bundle it, handed to the test.
import * as plotting from "../../src/index.js";

(globalThis as unknown as { plotting: typeof plotting }).plotting = plotting;
document.body.dataset.ready = "yes";
