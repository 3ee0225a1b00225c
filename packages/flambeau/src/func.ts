/** `torch.func`: function transforms in the spirit of JAX (`grad`, `value_and_grad`, `vjp`). */
export { func_grad as grad, value_and_grad, vjp } from "@flambeau/autograd";
