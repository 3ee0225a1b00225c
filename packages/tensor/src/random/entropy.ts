/**
 * Seeds for generators that nobody seeded: PyTorch reads /dev/urandom for them, NumPy asks the
 * OS for entropy. Here the Web Crypto API (Node 20 and browsers), with Math.random as a fallback.
 */

/** A random integer in [0, 2^53), so it survives the trip through a JavaScript number. */
export function nonDeterministicSeed(): number {
  const words = randomWords(2);
  return (words[0]! & 0x1fffff) * 4294967296 + words[1]!;
}

/** `n` random 32-bit words from the platform's entropy source. */
export function randomWords(n: number): Uint32Array {
  const out = new Uint32Array(n);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) {
    // getRandomValues refuses more than 65536 bytes per call.
    for (let i = 0; i < n; i += 16384) c.getRandomValues(out.subarray(i, Math.min(n, i + 16384)));
  } else {
    for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 4294967296);
  }
  return out;
}
