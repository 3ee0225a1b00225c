/**
 * Random numbers for Flambeau: PyTorch's CPU generator (what `torch.manual_seed`, `torch.rand`,
 * `torch.randn`, `torch.randint`, `torch.randperm` and dropout draw from) and NumPy's legacy
 * generator (what lessons use through `np.random.seed` / `np.random.uniform`), both bit-compatible.
 *
 * @example
 * ```ts
 * import { manual_seed, default_generator, np } from "./random/index.js";
 * manual_seed(0);
 * default_generator.uniformFill(new Float32Array(2)); // torch.rand(2): [0.4963, 0.7682]
 * np.random.seed(10);
 * np.random.uniform(-0.5, 0.5); // 0.271320643266746
 * ```
 */
import * as numpyRandom from "./numpy.js";

export { MT19937, type MT19937State } from "./mt19937.js";
export {
  Generator,
  default_generator,
  manual_seed,
  seed,
  initial_seed,
  get_rng_state,
  set_rng_state,
  type FloatArray,
  type NumericArray,
} from "./generator.js";
export { RandomState, type LegacyState, type NDArray, type Size, type MutableArrayLike } from "./numpy.js";

/** NumPy's namespace as lessons use it: `np.random.seed(10); np.random.uniform(-0.5, 0.5)`. */
export const np = { random: numpyRandom } as const;
