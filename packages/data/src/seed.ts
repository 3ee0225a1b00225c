import { Generator } from "@flambeau/tensor";

const INT64_MAX = (1n << 63n) - 1n;

/**
 * `torch.empty((), dtype=torch.int64).random_(generator=g).item()`: one 64-bit draw reduced to
 * a non-negative int64 (ATen's `uniform_int` for int64 takes `random64() % 2^63`).
 *
 * PyTorch's data utilities take such a draw where reproducing the batch order depends on it:
 * `RandomSampler` seeds a fresh generator with one when it has none of its own, and every
 * `DataLoader` iterator takes one as the base seed of its workers.
 */
export function drawSeed(generator: Generator): bigint {
  return generator.random64() & INT64_MAX;
}
