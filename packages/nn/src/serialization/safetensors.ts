/**
 * The safetensors file format, on bytes only (no tensors here): an 8-byte little-endian header
 * length, a JSON header `{"name": {"dtype", "shape", "data_offsets"}, "__metadata__"?: {…}}`
 * padded with spaces to a multiple of 8, then the raw little-endian data of every tensor.
 *
 * Written here rather than taken from npm: the only package of that name is an unmaintained
 * 0.0.1 release, and the format is small. The writer follows the reference writer's rules
 * (tensors sorted by descending dtype alignment, then by name; compact JSON; space padding), so
 * the same tensors give the same bytes as Python's `safetensors.torch.save_file`. The reader
 * checks what the reference reader checks and says what is wrong in words.
 */

/** The size in bytes of one element of each safetensors dtype this reader knows. */
export const DTYPE_SIZE: Record<string, number> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8,
};
// The reference writer sorts by its dtype enum's order, largest first (wider alignment first).
const ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64"];
const MAX_HEADER = 100_000_000;

/** One tensor as stored: its dtype name, shape and little-endian bytes. */
export interface RawTensor {
  dtype: string;
  shape: number[];
  data: Uint8Array;
}

/** What a safetensors file holds. */
export interface SafetensorsContents {
  tensors: Map<string, RawTensor>;
  metadata: Record<string, string> | null;
}

const utf8 = new TextEncoder();

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Serialise tensors (and optional string metadata) to safetensors bytes. */
export function encodeSafetensors(tensors: Iterable<[string, RawTensor]>, metadata: Record<string, string> | null = null): Uint8Array {
  const entries = [...tensors].map(([name, t]) => ({ name, key: utf8.encode(name), t }));
  for (const { name, t } of entries) {
    const size = DTYPE_SIZE[t.dtype];
    if (size === undefined) throw new Error(`safetensors: unknown dtype '${t.dtype}' for tensor '${name}'`);
    if (t.data.length !== t.shape.reduce((a, b) => a * b, 1) * size)
      throw new Error(`safetensors: tensor '${name}' has ${t.data.length} bytes, which does not fit shape [${t.shape}] of ${t.dtype}`);
  }
  entries.sort((a, b) => ORDER.indexOf(b.t.dtype) - ORDER.indexOf(a.t.dtype) || compareBytes(a.key, b.key));
  const parts: string[] = [];
  if (metadata !== null) {
    for (const [k, v] of Object.entries(metadata))
      if (typeof v !== "string") throw new TypeError(`safetensors: metadata values must be strings ('${k}' is ${typeof v})`);
    parts.push(`"__metadata__":${JSON.stringify(metadata)}`);
  }
  let offset = 0;
  for (const { name, t } of entries) {
    const end = offset + t.data.length;
    parts.push(`${JSON.stringify(name)}:{"dtype":"${t.dtype}","shape":[${t.shape.join(",")}],"data_offsets":[${offset},${end}]}`);
    offset = end;
  }
  const json = utf8.encode(`{${parts.join(",")}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const { t } of entries) {
    out.set(t.data, at);
    at += t.data.length;
  }
  return out;
}

function fail(message: string): never {
  throw new Error(`safetensors: ${message}`);
}

function parseHeader(bytes: Uint8Array): [Record<string, unknown>, number] {
  if (bytes.length < 8) fail(`the data is ${bytes.length} bytes long, too short for the 8-byte header length: it is truncated or not a safetensors file`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER)) fail(`the header length (${n} bytes) is over the 100 MB limit: this is not a safetensors file`);
  const length = Number(n);
  if (8 + length > bytes.length)
    fail(`the header is ${length} bytes long but only ${bytes.length - 8} bytes follow the length: the file is truncated or not a safetensors file`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + length));
  } catch {
    fail("the header is not valid UTF-8: the file is corrupt or not a safetensors file");
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    fail(`the header is not valid JSON (${(e as Error).message}): the file is corrupt or not a safetensors file`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) fail("the header is not a JSON object");
  return [header as Record<string, unknown>, 8 + length];
}

interface Entry {
  name: string;
  dtype: string;
  shape: number[];
  begin: number;
  end: number;
}

function parseEntry(name: string, info: unknown): Entry {
  const i = info as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof i !== "object" || i === null) fail(`the entry for tensor '${name}' is not an object`);
  if (typeof i.dtype !== "string" || DTYPE_SIZE[i.dtype] === undefined) fail(`tensor '${name}' has an unknown dtype ${JSON.stringify(i.dtype)}`);
  const isIndex = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!Array.isArray(i.shape) || !i.shape.every(isIndex)) fail(`tensor '${name}' has an invalid shape ${JSON.stringify(i.shape)}`);
  const offsets = i.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex) || offsets[1] < offsets[0])
    fail(`tensor '${name}' has invalid data_offsets ${JSON.stringify(offsets)}`);
  return { name, dtype: i.dtype, shape: i.shape as number[], begin: offsets[0] as number, end: offsets[1] as number };
}

/** Parse safetensors bytes, checking the header, every entry and the file's length. */
export function decodeSafetensors(bytes: Uint8Array): SafetensorsContents {
  const [header, dataStart] = parseHeader(bytes);
  let metadata: Record<string, string> | null = null;
  const entries: Entry[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name === "__metadata__") metadata = info as Record<string, string>;
    else entries.push(parseEntry(name, info));
  }
  // As the reference reader: the tensors, in offset order, must tile the data exactly.
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  const dataLength = bytes.length - dataStart;
  let expected = 0;
  const tensors = new Map<string, RawTensor>();
  for (const e of entries) {
    if (e.begin !== expected) fail(`tensor '${e.name}' starts at data byte ${e.begin}, expected ${expected}: the header is corrupt`);
    const need = e.shape.reduce((a, b) => a * b, 1) * DTYPE_SIZE[e.dtype]!;
    if (e.end - e.begin !== need)
      fail(`tensor '${e.name}' of shape [${e.shape.join(", ")}] and dtype ${e.dtype} needs ${need} bytes but its data_offsets span ${e.end - e.begin}`);
    if (e.end > dataLength)
      fail(`the data of tensor '${e.name}' ends at byte ${e.end} but the file holds only ${dataLength} bytes of data: the file is truncated`);
    tensors.set(e.name, { dtype: e.dtype, shape: e.shape, data: bytes.subarray(dataStart + e.begin, dataStart + e.end) });
    expected = e.end;
  }
  if (expected !== dataLength)
    fail(`the header describes ${expected} bytes of data but the file holds ${dataLength}: the file is corrupt`);
  return { tensors, metadata };
}
