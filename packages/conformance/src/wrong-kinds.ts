/**
 * Catalogue rows generated from the ops' own signatures: every public op whose signature
 * declares its arguments' kinds (`gather(Tensor input, /, int dim, Tensor index)`) is called,
 * once per declared argument, with a value of another kind in that place and valid ones
 * elsewhere; it must raise a `TypeError` naming the op, the argument and what it got, and change
 * nothing. Tensor methods are called as methods (so `x.gather(0, [0, 1])` is the case), in-place
 * forms too, and the rest as `torch.*` functions.
 */
import * as torch from "flambeau";
import { describeValue, type Signature } from "@flambeau/tensor/internal";
import type { BadInputCase, Involved } from "./bad-input.js";

type Kind = Signature["kinds"] extends ReadonlyMap<string, infer K> ? K : never;
type Op = ((...args: unknown[]) => unknown) & { signature?: Signature };

/** Values of another kind to try, each with the words a message must use for it. */
const WRONG: readonly (readonly [unknown, string])[] = [
  [[1, 2], "array"],
  ["1", 'string "1"'],
  [0.5, "number 0.5"],
  [null, "null"],
];

/** A valid value of `kind` (the type check runs before the op, so any value of the kind will do). */
function validFor(kind: Kind | undefined, tensors: readonly torch.Tensor[], used: { n: number }): unknown {
  for (const v of ["tensor", 0, true, [0], "float32", null]) {
    const value = v === "tensor" ? tensors[used.n % tensors.length] : v;
    if (kind && !kind.test(value)) continue;
    if (v === "tensor") used.n++;
    return value;
  }
  throw new Error(`wrong-kinds: no valid value for kind ${kind?.text}`);
}

/** Three float32 tensors on `device`: the receiver, then operands; all checked unchanged after. */
const make = (device: string): Involved => ({
  tensors: [0, 1, 2].map((k) => torch.tensor([[1, 2], [3, 4 + k]], { dtype: "float32", device })),
});

/** Arguments left untyped in the signatures, given valid values by name. */
const UNTYPED: Record<string, unknown> = { tensors: null, data: [1, 2], size: [2] };

/** Ops whose Tensor method takes its arguments in another order than the function. */
const FUNCTION_ONLY = new Set(["where"]);

function cases(): BadInputCase[] {
  const out: BadInputCase[] = [];
  const seen = new Set<Op>();
  const functional = Object.entries(torch.nn.functional).map(([name, f]) => [name, f, true] as const);
  for (const [exported, value, isFunctional] of [...Object.entries(torch).map(([name, f]) => [name, f, false] as const), ...functional]) {
    const f = value as Op;
    const sig = typeof f === "function" ? f.signature : undefined;
    if (!sig || sig.kinds.size === 0 || seen.has(f)) continue;
    seen.add(f);
    const names = [...sig.operands, ...sig.params];
    const method = !isFunctional && sig.operands.length > 0 && !FUNCTION_ONLY.has(sig.op) && typeof (torch.Tensor.prototype as never)[exported] === "function" ? exported : null;
    for (const [name, kind] of sig.kinds) {
      const wrong = WRONG.find(([v]) => !kind.test(v));
      if (!wrong) continue;
      const position = names.indexOf(name);
      const isOperand = position >= 0 && position < sig.operands.length;
      // By position when every parameter before it is required (the common call), else by name.
      const byPosition = position >= 0 && sig.required.slice(0, Math.max(0, position - sig.operands.length)).every(Boolean);
      const call = (form: "function" | "method" | "in-place") => (state: Involved) => {
        const tensors = state.tensors!;
        const used = { n: form === "function" ? 0 : 1 };
        const args: unknown[] = [];
        const options: Record<string, unknown> = {};
        const lastRequired = sig.operands.length + sig.required.lastIndexOf(true);
        const last = byPosition ? Math.max(position, lastRequired) : lastRequired;
        for (let i = 0; i <= last; i++) {
          const n = names[i]!;
          if (n === name) args.push(wrong[0]);
          else if (i === 0 && form !== "function") args.push(tensors[0]);
          else if (n in UNTYPED && !sig.kinds.has(n)) args.push(n === "tensors" ? [tensors[1]] : UNTYPED[n]);
          else args.push(validFor(sig.kinds.get(n), tensors, used));
        }
        if (!byPosition) options[name] = wrong[0];
        const all = Object.keys(options).length ? [...args, options] : args;
        if (form === "function") return f(...all);
        const self = all[0] as unknown as Record<string, (...a: unknown[]) => unknown>;
        return self[form === "method" ? exported : exported + "_"]!.apply(self, all.slice(1));
      };
      const words = [`${sig.op}()`, `argument '${name}'`, "must be", wrong[1]];
      const title = (form: string, call: string) => `${form} ${call}: '${name}' given ${wrong[1]} (declared ${kind.text})`;
      const onMethod = method !== null && !isOperand;
      out.push({
        name: title(onMethod ? "method" : "function", onMethod ? `x.${exported}()` : `torch.${isFunctional ? "nn.functional." : ""}${exported}()`),
        make,
        run: call(onMethod ? "method" : "function"),
        error: TypeError,
        words,
      });
      const inPlace = onMethod && typeof (torch.Tensor.prototype as never)[exported + "_"] === "function" && !exported.endsWith("_");
      // The in-place form names itself: x.add_([1, 2]) says add_(), not the add() it is computed with.
      if (inPlace && position === sig.operands.length)
        out.push({ name: title("in-place", `x.${exported}_()`), make, run: call("in-place"), error: TypeError, words: [`${sig.op}_()`, ...words.slice(1)] });
    }
  }
  return out;
}

type Layer = new (...args: never) => torch.nn.Module;
/**
 * Layer constructors: a valid call's required arguments, then, for each argument by name, a
 * value of another kind (the declared kinds are nn's constructor-kinds.ts). Required arguments
 * are replaced in place; the others are given in the options object.
 */
const LAYERS: [string, Layer, unknown[], Record<string, unknown>][] = [
  ["Linear", torch.nn.Linear, [3, 2], { in_features: "3", out_features: 2.5, bias: "no", dtype: "float16" }],
  ["Conv1d", torch.nn.Conv1d, [1, 2, 3], { in_channels: "1", kernel_size: [3, "3"], stride: 1.5, padding: 0.5, groups: "1", padding_mode: 0 }],
  ["Conv2d", torch.nn.Conv2d, [1, 2, 3], { in_channels: "1", out_channels: 2.5, kernel_size: "3", stride: 1.5, padding: 0.5, dilation: "1", groups: 1.5, bias: "yes", padding_mode: 0 }],
  ["ConvTranspose2d", torch.nn.ConvTranspose2d, [1, 2, 3], { out_channels: "2", kernel_size: 1.5, stride: "2", padding: "same", output_padding: 0.5 }],
  ["MaxPool2d", torch.nn.MaxPool2d, [2], { kernel_size: "3", stride: 1.5, padding: [0, "1"], dilation: null, return_indices: 1, ceil_mode: "yes" }],
  ["AvgPool2d", torch.nn.AvgPool2d, [2], { kernel_size: 2.5, stride: "1", padding: 0.5, ceil_mode: 1, count_include_pad: "no", divisor_override: 1.5 }],
  ["AdaptiveAvgPool2d", torch.nn.AdaptiveAvgPool2d, [1], { output_size: "1" }],
  ["Upsample", torch.nn.Upsample, [], { size: 2.5, scale_factor: "2", mode: 1, align_corners: "no" }],
  ["Dropout2d", torch.nn.Dropout2d, [], { p: "0.5", inplace: 1 }],
  ["Flatten", torch.nn.Flatten, [], { start_dim: "1", end_dim: 0.5 }],
  ["ReLU", torch.nn.ReLU, [], { inplace: 1 }],
  ["LeakyReLU", torch.nn.LeakyReLU, [], { negative_slope: "0.1", inplace: "no" }],
  ["GELU", torch.nn.GELU, [], { approximate: true }],
  ["Softmax", torch.nn.Softmax, [], { dim: "1" }],
  ["LogSoftmax", torch.nn.LogSoftmax, [], { dim: 0.5 }],
  ["BatchNorm1d", torch.nn.BatchNorm1d, [3], { num_features: "3", eps: "1e-5", momentum: "0.1", affine: 1, track_running_stats: "yes" }],
  ["BatchNorm2d", torch.nn.BatchNorm2d, [3], { num_features: 2.5, eps: null, affine: "no", dtype: "float16" }],
  ["LayerNorm", torch.nn.LayerNorm, [3], { normalized_shape: "3", eps: "1e-5", elementwise_affine: 1 }],
  ["Embedding", torch.nn.Embedding, [10, 3], { num_embeddings: "10", embedding_dim: 2.5, padding_idx: "0", _freeze: 0 }],
];
/** The positional names of the required arguments above, in order. */
const REQUIRED: Record<string, string[]> = {
  Linear: ["in_features", "out_features"], Conv1d: ["in_channels", "out_channels", "kernel_size"],
  Conv2d: ["in_channels", "out_channels", "kernel_size"], ConvTranspose2d: ["in_channels", "out_channels", "kernel_size"],
  MaxPool2d: ["kernel_size"], AvgPool2d: ["kernel_size"], AdaptiveAvgPool2d: ["output_size"],
  BatchNorm1d: ["num_features"], BatchNorm2d: ["num_features"], LayerNorm: ["normalized_shape"], Embedding: ["num_embeddings", "embedding_dim"],
};

function layerCases(): BadInputCase[] {
  return LAYERS.flatMap(([owner, Layer, valid, wrong]) =>
    Object.entries(wrong).map(([name, value]): BadInputCase => {
      const at = (REQUIRED[owner] ?? []).indexOf(name);
      const args = at >= 0 ? valid.map((v, i) => (i === at ? value : v)) : [...valid, { [name]: value }];
      const shown = describeValue(value);
      return {
        name: `new nn.${owner}(): '${name}' given ${shown}`,
        run: () => new Layer(...(args as never)),
        error: TypeError,
        words: [`nn.${owner}()`, `argument '${name}'`, "must be", shown],
      };
    }),
  );
}

/** The generated rows: one per declared argument of every op with a typed signature, and of every layer constructor above. */
export const WRONG_KIND_CASES: BadInputCase[] = [...cases(), ...layerCases()];
