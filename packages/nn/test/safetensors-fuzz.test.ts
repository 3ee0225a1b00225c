// A seeded safetensors fuzz test: thousands of files mutated from valid ones (bytes flipped,
// cut, inserted; header lengths, numbers, dtypes, names and offsets rewritten) must each either
// load into well-formed tensors or be refused with a `safetensors: …` Error — never an internal
// JavaScript error, a hang, or a tensor whose shape does not match its data.
import "@flambeau/backend-cpu";
import { expect, it } from "vitest";
import { Tensor, arange, tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { encodeSafetensors } from "../src/serialization/safetensors.js";

/** mulberry32: a small seeded generator, so every run tries the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seeds(): Promise<Uint8Array[]> {
  const le = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    await nn.saveToBytes({ w: arange(6, { dtype: "float32" }).reshape([2, 3]), b: tensor([1, 2], { dtype: "int32" }), m: tensor([true, false]) }),
    await nn.saveToBytes({ scalar: tensor(3.5, { dtype: "float64" }), empty: tensor([], { dtype: "float32" }).reshape([0, 4]) }, { metadata: { format: "pt" } }),
    encodeSafetensors([
      ["h", { dtype: "F16", shape: [2], data: le(new Uint16Array([0x3c00, 0xc000])) }],
      ["l", { dtype: "I64", shape: [2], data: le(new BigInt64Array([5n, -7n])) }],
      ["u", { dtype: "U8", shape: [3], data: new Uint8Array([1, 2, 255]) }],
      ["bf", { dtype: "BF16", shape: [1], data: le(new Uint16Array([0x3f80])) }],
    ]),
  ];
}

const DTYPES = ["F32", "F64", "I32", "I64", "BOOL", "F16", "BF16", "U8", "I8", "U32", "Q7", "", "f32"];
const NAMES = ["__proto__", "constructor", "__metadata__", "", "a.b", "é", "toString"];
const NUMBERS = ["0", "1", "-1", "2.5", "1e300", "9007199254740993", "null", "[]", "\"3\"", "4294967296", "65536"];

function mutate(seed: Uint8Array, r: () => number): Uint8Array {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const headerLength = Number(new DataView(seed.buffer, seed.byteOffset).getBigUint64(0, true));
  const header = new TextDecoder().decode(seed.subarray(8, 8 + headerLength));
  const data = seed.subarray(8 + headerLength);
  const withHeader = (h: string, body: Uint8Array = data, declared?: number) => {
    const json = new TextEncoder().encode(h);
    const out = new Uint8Array(8 + json.length + body.length);
    new DataView(out.buffer).setBigUint64(0, BigInt(declared ?? json.length), true);
    out.set(json, 8);
    out.set(body, 8 + json.length);
    return out;
  };
  const bytes = seed.slice();
  switch (Math.floor(r() * 9)) {
    case 0: // flip a few bytes anywhere
      for (let k = 1 + Math.floor(r() * 4); k > 0; k--) bytes[Math.floor(r() * bytes.length)] ^= 1 << Math.floor(r() * 8);
      return bytes;
    case 1: // cut
      return bytes.subarray(0, Math.floor(r() * bytes.length));
    case 2: { // insert bytes
      const at = Math.floor(r() * bytes.length);
      const extra = Uint8Array.from({ length: 1 + Math.floor(r() * 9) }, () => Math.floor(r() * 256));
      return new Uint8Array([...bytes.subarray(0, at), ...extra, ...bytes.subarray(at)]);
    }
    case 3: // a wrong header length
      return withHeader(header, data, Math.max(0, headerLength + Math.floor((r() - 0.5) * 64)));
    case 4: // a number in the header rewritten
      return withHeader(header.replace(/-?\d+/g, (m) => (r() < 0.3 ? pick(NUMBERS) : m)));
    case 5: // a dtype rewritten
      return withHeader(header.replace(/"dtype":"[^"]*"/g, (m) => (r() < 0.5 ? `"dtype":"${pick(DTYPES)}"` : m)));
    case 6: // a tensor renamed
      return withHeader(header.replace(/"(\w+)":\{"dtype"/, () => `${JSON.stringify(pick(NAMES))}:{"dtype"`));
    case 7: // structure characters swapped
      return withHeader(header.replace(/[[\]{},:]/g, (m) => (r() < 0.05 ? pick(["[", "]", "{", "}", ",", ":", "\"", " "]) : m)));
    default: // data grown or shrunk by a few bytes
      return withHeader(header, r() < 0.5 ? data.subarray(0, Math.max(0, data.length - 1 - Math.floor(r() * 4))) : new Uint8Array([...data, ...new Uint8Array(1 + Math.floor(r() * 8))]));
  }
}

it("3000 mutated safetensors files each load validly or fail with a safetensors error", async () => {
  const bases = await seeds();
  const r = rng(20261203);
  let loaded = 0, refused = 0;
  const start = Date.now();
  for (let i = 0; i < 3000; i++) {
    const bytes = mutate(bases[i % bases.length]!, r);
    let state: Record<string, unknown>;
    try {
      state = nn.loadFromBytes(bytes);
    } catch (e) {
      expect(e, `file ${i}: a thrown Error`).toBeInstanceOf(Error);
      expect((e as Error).message, `file ${i}: a safetensors error, not an internal one`).toMatch(/^safetensors: /);
      refused++;
      continue;
    }
    loaded++;
    for (const name of Object.keys(state)) {
      const t = state[name];
      expect(t, `file ${i}: '${name}' is a Tensor`).toBeInstanceOf(Tensor);
      const x = t as Tensor;
      expect(x.shape.every((s) => Number.isSafeInteger(s) && s >= 0), `file ${i}: '${name}' shape`).toBe(true);
      expect(x.dataSync().length, `file ${i}: '${name}' data fits its shape`).toBe(x.numel());
    }
  }
  // Both outcomes occur, or the mutations test nothing.
  expect(refused).toBeGreaterThan(1000);
  expect(loaded).toBeGreaterThan(10);
  expect(Date.now() - start).toBeLessThan(60_000);
});

it("a tensor named like an Object property ('__proto__', 'constructor') loads as an entry of that name", () => {
  const file = encodeSafetensors([
    ["__proto__", { dtype: "F32", shape: [1], data: new Uint8Array(new Float32Array([2]).buffer) }],
    ["constructor", { dtype: "F32", shape: [1], data: new Uint8Array(new Float32Array([3]).buffer) }],
  ]);
  const state = nn.loadFromBytes(file);
  expect(Object.keys(state).sort()).toEqual(["__proto__", "constructor"]);
  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  expect(Array.from((Object.getOwnPropertyDescriptor(state, "__proto__")!.value as Tensor).dataSync())).toEqual([2]);
});
