/**
 * `@flambeau/autograd`: reverse-mode differentiation for `@flambeau/tensor`. Importing it
 * installs the backward engine, so `tensor.backward()` works.
 *
 * @packageDocumentation
 */
import { installBackwardEngine } from "@flambeau/tensor/internal";
import { backward } from "./engine.js";

installBackwardEngine({ backward });

export { backward, grad, type BackwardOptions } from "./engine.js";
export { no_grad, enable_grad, set_grad_enabled, is_grad_enabled } from "./grad-mode.js";
export { grad as func_grad, value_and_grad, vjp } from "./functional.js";
export { gradcheck, type GradcheckOptions } from "./gradcheck.js";
