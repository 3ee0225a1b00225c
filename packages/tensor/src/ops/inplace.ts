import { castScalar, CATEGORY, fitsInt32, scalarTypeName as typeName } from "../dtype.js";
import { gradMode } from "../graph.js";
import { fmtShape, shapesEqual } from "../shape.js";
import { Tensor } from "../tensor.js";
import { broadcastView } from "./elementwise.js";
import { operand } from "./make.js";
import { checkIntegerValue, checkTensor } from "./checks.js";
import { clone } from "./view.js";

/** Refuse in-place writes PyTorch refuses, before anything is computed. */
export function checkInPlace(op: string, target: Tensor): void {
  if (target.requires_grad && target.is_leaf && gradMode.enabled)
    throw new Error(
      `${op}: a leaf Variable that requires grad is being used in an in-place operation.`,
    );
  if (target._base !== null && target._base.is_leaf && target._base.requires_grad && gradMode.enabled)
    throw new Error(`${op}: a view of a leaf Variable that requires grad is being used in an in-place operation.`);
  if (target._base !== null && target._base.requires_grad && gradMode.enabled && !target.requires_grad)
    throw new Error(`${op}: in-place operations on a view of a tensor that requires grad are not supported`);
}

/**
 * An error of the out-of-place op an in-place form is computed with, renamed to the form the
 * user called: `x.cumsum_(3)` says `cumsum_: Dimension out of range`, not `cumsum:`.
 */
export function asInPlaceError(op: string, error: unknown): unknown {
  const outOfPlace = op.slice(0, -1);
  if (error instanceof Error && error.message.startsWith(outOfPlace) && /^[:( ]/.test(error.message.slice(outOfPlace.length)))
    error.message = op + error.message.slice(outOfPlace.length);
  return error;
}

/**
 * Finish an in-place op: write `result` (computed out of place) into `target`'s memory, bump
 * its version, and make `target` continue the graph `result` started.
 */
export function commitInPlace(op: string, target: Tensor, result: Tensor, allowDowncast = false): Tensor {
  if (!shapesEqual(result.shape, target.shape))
    throw new Error(
      `${op}: output with shape ${fmtShape(target.shape)} doesn't match the broadcast shape ${fmtShape(result.shape)}`,
    );
  if (!allowDowncast && CATEGORY[result.dtype] > CATEGORY[target.dtype])
    throw new Error(`${op}: result type ${typeName(result.dtype)} can't be cast to the desired output type ${typeName(target.dtype)}`);
  if (result.dtype === "int64" && target.dtype === "int32") checkFitsInt32(op, result);
  const node = result.grad_fn;
  if (node?.saved) {
    // The rule may need the value being overwritten: keep a copy of it.
    for (let i = 0; i < node.saved.length; i++)
      if (node.saved[i]!._storage === target._storage) {
        const keep = clone(node.saved[i]!.detach());
        // Only this node can reach the copy: free it when backward has used it (scope.ts).
        keep._storage._graphOnly = true;
        keep._storage._holdForGraph();
        node.saved[i]!._storage._releaseFromGraph();
        node.saved[i] = keep;
        node.savedVersions[i] = keep._version;
      }
  }
  target._storage.backend.assign(target, result);
  target._storage.version++;
  if (result.requires_grad && gradMode.enabled) {
    target.grad_fn = node;
    target.requires_grad = true;
  }
  return target;
}

/**
 * An int64 result written into an int32 tensor (`x.add_(3e9)`, where the scalar widened the
 * computation): PyTorch would wrap it; refuse instead unless every value fits. int64 lives on
 * the CPU only, so the values can be read at once.
 */
function checkFitsInt32(op: string, result: Tensor): void {
  const values = result.dataSync();
  for (let i = 0; i < values.length; i++)
    if (!fitsInt32(values[i]!)) throw new Error(`${op}: result value ${values[i]} cannot be converted to type int32 without overflow`);
}

/** `fill_(value)`: set every element. */
export function fill_(target: Tensor, value: number | boolean | Tensor): Tensor {
  checkInPlace("fill_", target);
  const backend = target._storage.backend;
  if (typeof value === "number") checkIntegerValue("fill_", value, target.dtype);
  const v = operand("fill_", "value", typeof value === "number" ? castScalar(value, target.dtype) : value, backend, target.dtype);
  if (v.numel() !== 1) throw new Error(`fill_ only supports 0-dimension value tensor but got tensor with ${v.ndim} dimensions.`);
  backend.assign(target, broadcastView(v.ndim === 0 ? v : v.reshape([]), target.shape));
  target._storage.version++;
  return target;
}

/** `copy_(src)`: write `src` (broadcast, cast to this dtype, moved to this device) into `target`. */
export function copy_(target: Tensor, src: Tensor): Tensor {
  checkInPlace("copy_", target);
  checkTensor("copy_", "src", src);
  if (src.dtype === "int64" && target.dtype === "int32") checkFitsInt32("copy_", src);
  // Cast before moving where the source's device can: the target's device may not hold the
  // source's dtype (int64 on a GPU).
  let s = src;
  if (src.device.type !== target.device.type)
    s = (src._storage.backend.supportsDType(target.dtype) ? src.to(target.dtype) : src).to(target.device);
  if (!shapesEqual(s.shape, target.shape)) s = s.expand(target.shape);
  // A fresh node makes target a non-leaf of the graph when src requires grad.
  return commitInPlace("copy_", target, s.requires_grad && gradMode.enabled ? clone(s) : s, true);
}
