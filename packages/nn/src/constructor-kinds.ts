/**
 * The kinds of the layer constructors' arguments, declared as the functional ops declare theirs
 * (`int|int[] kernel_size`, kinds.ts in @flambeau/tensor): `new nn.Conv2d("1", 8, 3)` or
 * `new nn.MaxPool2d(2, { ceil_mode: "yes" })` is a `TypeError` naming the layer and the
 * argument when the layer is built, not a wrong shape or an internal error at its first call.
 */
import { checkKind, parseKind, type Kind } from "@flambeau/tensor/internal";

const SIZE = "int|int[]";
const FACTORY = { device: "Device?", dtype: "ScalarType?" };
const CONV = { in_channels: "int", out_channels: "int", kernel_size: SIZE, stride: SIZE, dilation: SIZE, groups: "int", bias: "bool", padding_mode: "str", ...FACTORY };
const DROPOUT = { p: "float", inplace: "bool" };
const BATCH_NORM = { num_features: "int", eps: "float", momentum: "float?", affine: "bool", track_running_stats: "bool", ...FACTORY };

const DECLARED: Record<string, Record<string, string>> = {
  Linear: { in_features: "int", out_features: "int", bias: "bool", ...FACTORY },
  Conv1d: { ...CONV, padding: `${SIZE}|str` },
  Conv2d: { ...CONV, padding: `${SIZE}|str` },
  ConvTranspose2d: { ...CONV, padding: SIZE, output_padding: SIZE },
  MaxPool2d: { kernel_size: SIZE, stride: `${SIZE}?`, padding: SIZE, dilation: SIZE, return_indices: "bool", ceil_mode: "bool" },
  AvgPool2d: { kernel_size: SIZE, stride: `${SIZE}?`, padding: SIZE, ceil_mode: "bool", count_include_pad: "bool", divisor_override: "int?" },
  AdaptiveAvgPool2d: { output_size: "int|int?[]" },
  Upsample: { size: `${SIZE}?`, scale_factor: "float|float[]?", mode: "str", align_corners: "bool?", recompute_scale_factor: "bool?" },
  Dropout: DROPOUT,
  Dropout2d: DROPOUT,
  Flatten: { start_dim: "int", end_dim: "int" },
  ReLU: { inplace: "bool" },
  LeakyReLU: { negative_slope: "float", inplace: "bool" },
  GELU: { approximate: "str" },
  Softmax: { dim: "int?" },
  LogSoftmax: { dim: "int?" },
  BatchNorm1d: BATCH_NORM,
  BatchNorm2d: BATCH_NORM,
  LayerNorm: { normalized_shape: SIZE, eps: "float", elementwise_affine: "bool", ...FACTORY },
  Embedding: { num_embeddings: "int", embedding_dim: "int", padding_idx: "int?", _weight: "Tensor?", _freeze: "bool", ...FACTORY },
};

const KINDS = new Map<string, Map<string, Kind>>(
  Object.entries(DECLARED).map(([owner, kinds]) => [owner, new Map(Object.entries(kinds).map(([name, spec]) => [name, parseKind(spec)]))]),
);

/**
 * Refuse an argument of `owner`'s constructor (a class name above) whose kind is not the
 * declared one; left-out (`undefined`) arguments take their defaults. A layer not in the table
 * (one a user wrote) checks its own.
 */
export function checkConstructorKinds(owner: string, args: Readonly<Record<string, unknown>>): void {
  const kinds = KINDS.get(owner);
  if (!kinds) return;
  for (const [name, value] of Object.entries(args)) {
    const kind = kinds.get(name);
    if (kind) checkKind(`nn.${owner}`, name, kind, value);
  }
}
