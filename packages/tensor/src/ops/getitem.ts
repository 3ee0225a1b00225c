import { normalizeDim } from "../shape.js";
import { Tensor } from "../tensor.js";
import { tensor } from "./creation.js";
import { index_select, outOfRange } from "./indexing.js";
import { checkInPlace, copy_, fill_ } from "./inplace.js";
import { asIndex, checkOperand, describeValue } from "./checks.js";
import { asyncReadRequired, indexOutOfBounds, indexOutOfBoundsAt, indexSite } from "../errors.js";
import { reshape, select, slice, unsqueeze } from "./view.js";

/**
 * One entry of an index expression, PyTorch's `x[...]` written as arguments:
 * a number (`x[2]`), a slice string (`":"`, `"1:3"`, `"::2"`, `"-2:"`), `"..."` (Ellipsis),
 * `null` (None, a new axis), `true` / `false` (a new axis of size 1 / 0, as Python's `x[True]`),
 * or an integer tensor / array of indices (advanced indexing).
 */
export type IndexSpec = number | string | null | boolean | Tensor | readonly number[];

function parseSlice(s: string): [number | null, number | null, number] {
  const parts = s.split(":");
  if (parts.length < 2 || parts.length > 3) throw new Error(`index: invalid slice '${s}'`);
  const num = (p: string | undefined): number | null => {
    if (p === undefined || p.trim() === "") return null;
    const v = Number(p);
    if (!Number.isInteger(v)) throw new Error(`index: invalid slice bound '${p}' in '${s}'`);
    return v;
  };
  const step = num(parts[2]) ?? 1;
  if (step <= 0) throw new Error("step must be greater than zero");
  return [num(parts[0]), num(parts[1]), step];
}

/**
 * `x[...]`: basic indexing (numbers, slices, `"..."`, `null`) gives a view without a copy;
 * an index tensor or array selects along its dimension (a copy), as in PyTorch.
 *
 * @example
 * ```ts
 * x.index("0:3");        // x[0:3]
 * x.index(":", 1);       // x[:, 1]
 * x.index(-1, "::2");    // x[-1, ::2]
 * ```
 */
export function index(x: Tensor, ...specs: IndexSpec[]): Tensor {
  const consumed = specs.filter((s) => s !== null && s !== "..." && typeof s !== "boolean").length;
  if (consumed > x.ndim)
    throw new RangeError(`too many indices for tensor of dimension ${x.ndim}`);
  const ellipsis = specs.indexOf("...");
  if (ellipsis !== specs.lastIndexOf("...")) throw new Error("an index can only have a single ellipsis ('...')");
  const expanded: IndexSpec[] =
    ellipsis < 0 ? specs : [...specs.slice(0, ellipsis), ...new Array(x.ndim - consumed).fill(":"), ...specs.slice(ellipsis + 1)];
  let out = x;
  let dim = 0;
  for (const s of expanded) {
    if (s === null || s === true) {
      out = unsqueeze(out, dim++);
    } else if (s === false) {
      out = slice(unsqueeze(out, dim), dim++, 0, 0, 1);
    } else if (typeof s === "number") {
      if (!Number.isInteger(s)) throw new TypeError(`index: ${s} is not an integer`);
      const n = out.shape[dim]!;
      if (s < -n || s >= n) throw indexOutOfBounds(null, s, dim, n);
      out = select(out, dim, s);
    } else if (typeof s === "string") {
      const [a, b, step] = parseSlice(s);
      out = slice(out, dim++, a, b, step);
    } else if (s instanceof Tensor || Array.isArray(s)) {
      const idx = s instanceof Tensor ? s : tensor(s as number[], { dtype: "int32", device: out.device });
      out = advanced(out, dim, idx);
      dim += idx.dtype === "bool" ? 1 : Math.max(idx.ndim, 1);
    } else {
      throw new TypeError(
        `index(): an index must be a number, a slice string, "...", null, a boolean, an array of indices or a Tensor, not ${describeValue(s)}`,
      );
    }
  }
  return out;
}

function advanced(x: Tensor, dim: number, idx: Tensor): Tensor {
  const d = normalizeDim(dim, x.ndim, "index");
  if (idx.dtype === "bool") {
    // A mask over one dimension selects the positions where it is true.
    const n = x.shape[d]!;
    if (idx.ndim !== 1 || idx.shape[0] !== n)
      throw new Error(`The shape of the mask [${idx.shape.join(", ")}] at index ${d} does not match the shape of the indexed tensor [${x.shape.join(", ")}] at index ${d}`);
    // The result's shape depends on the mask's values: they must be read on the host.
    if (!idx._storage.backend.canReadSync)
      throw asyncReadRequired(
        "index() with a boolean mask",
        idx.device,
        'index with a host copy of the mask, x.index(await mask.toAsync("cpu")), or use torch.where / masked_fill',
      );
    const positions: number[] = [];
    idx.dataSync().forEach((v, i) => v && positions.push(i));
    return index_select(x, d, tensor(positions, { dtype: "int32", device: x.device }));
  }
  idx = asIndex("index", idx);
  if (idx.dtype !== "int32") throw new Error("tensors used as indices must be long, int, byte or bool tensors");
  const n = x.shape[d]!;
  const site = indexSite("index", { self: x.shape, index: idx.shape }, d);
  // Checked before negative indices are wrapped, so that the error names the index as given.
  const bad = idx.numel() > 0 ? outOfRange(idx, -n, n) : null;
  if (bad !== null) throw indexOutOfBoundsAt(site, "index", bad, d, n);
  // Negative indices count from the end, as in Python. Devices that read asynchronously wrap
  // on the device those in [-n, 0) rather than read the indices back; one below -n stays
  // negative, and the kernel reports it as given.
  const sync = idx._storage.backend.canReadSync;
  const wrap = sync ? idx.lt(0) : idx.lt(0).logical_and(idx.ge(-n));
  const wrapped = !sync || wrap.any().itemSync() ? idx.add(wrap.to("int32").mul(n)) : idx;
  const picked = index_select(x, d, reshape(wrapped, [-1]), site);
  return reshape(picked, [...x.shape.slice(0, d), ...idx.shape, ...x.shape.slice(d + 1)]);
}

/**
 * `x[...] = value`: write a number or a (broadcastable) tensor into the indexed window, in place.
 *
 * @example
 * ```ts
 * x.setIndex([":", 0], 1);   // x[:, 0] = 1
 * ```
 */
export function setIndex(x: Tensor, specs: readonly IndexSpec[], value: number | boolean | Tensor): Tensor {
  checkInPlace("setitem", x);
  checkOperand("setitem", "value", value);
  if (specs.some((s) => s instanceof Tensor || Array.isArray(s)))
    throw new Error("setitem: advanced (tensor) indices are not supported for assignment; use masked_fill or scatter_add");
  const window = index(x.detach(), ...specs);
  if (value instanceof Tensor && value.requires_grad)
    throw new Error("setitem: assigning a tensor that requires grad into a slice is not supported; detach() it first");
  if (value instanceof Tensor) copy_(window, value);
  else fill_(window, value);
  return x;
}

