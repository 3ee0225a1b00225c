/** safetensors: files from PyTorch load here, files from here are the bytes PyTorch writes. */
import "@flambeau/backend-cpu";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { arange, manual_seed, ones, tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { encodeSafetensors } from "../src/serialization/safetensors.js";
import { build, decodeState, nnFixture, thrownMessage, type EncodedState, type ModuleSpec } from "@flambeau/test-kit/nn";

interface Fixture {
  mixed: { bytes: string; tensors: EncodedState };
  batch_norm: { module: ModuleSpec; bytes: string; tensors: EncodedState };
  with_metadata: { bytes: string };
  int64_out_of_range: { bytes: string };
  int64_past_2_53: { bytes: string };
  upstream_vector: string;
}
const fx = nnFixture<Fixture>("serialization");
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));

function expectSameState(actual: nn.StateDict, expected: nn.StateDict): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, want] of Object.entries(expected)) {
    const got = actual[k]!;
    expect([k, got.dtype, got.shape]).toEqual([k, want.dtype, want.shape]);
    expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
  }
}

const message = thrownMessage;

describe("files written by PyTorch load with identical values", () => {
  it("float32, float64, int32, bool, 0-d and empty tensors", () => {
    expectSameState(nn.loadFromBytes(bytes(fx.mixed.bytes)), decodeState(fx.mixed.tensors));
  });
  it("a BatchNorm state_dict: int64 num_batches_tracked loads as int64 and into the model's int32 buffer", () => {
    const sd = nn.loadFromBytes(bytes(fx.batch_norm.bytes));
    expect(sd["1.num_batches_tracked"]!.dtype).toBe("int64");
    expect(sd["1.num_batches_tracked"]!.itemSync()).toBe(1);
    const model = build(fx.batch_norm.module);
    model.load_state_dict(sd);
    expectSameState(model.state_dict(), decodeState(fx.batch_norm.tensors));
  });
  it("a header with __metadata__", () => {
    expect(Array.from(nn.loadFromBytes(bytes(fx.with_metadata.bytes)).w!.dataSync())).toEqual([1, 1]);
  });
  it("int64 values beyond int32 load exactly as int64 on the CPU, and save back to PyTorch's bytes", async () => {
    const sd = nn.loadFromBytes(bytes(fx.int64_out_of_range.bytes));
    expect([sd.n!.dtype, ...sd.n!.dataSync()]).toEqual(["int64", 1, 2 ** 40]);
    const written = await nn.saveToBytes({ n: tensor([1, 2 ** 40], { dtype: "int64" }) });
    expect(Buffer.from(written).toString("base64")).toBe(fx.int64_out_of_range.bytes);
  });
  it("int64 values past 2^53 are refused, naming the tensor, not rounded", () => {
    expect(message(() => nn.loadFromBytes(bytes(fx.int64_past_2_53.bytes)))).toBe(
      "safetensors: tensor 'n' holds I64 value -9007199254740993, past 2^53 - 1 (9007199254740991) in magnitude, beyond which Flambeau's int64 (held in doubles) is not exact",
    );
  });
  it("half-precision and small integer dtypes widen to float32 and int32", () => {
    const f16 = new Uint8Array(new Uint16Array([0x3c00, 0xc000, 0x3800, 0x7c00, 0x0001]).buffer);
    const bf16 = new Uint8Array(new Uint16Array([0x3f80, 0xc020]).buffer);
    const u8 = new Uint8Array([0, 255]);
    const file = encodeSafetensors([
      ["h", { dtype: "F16", shape: [5], data: f16 }],
      ["b", { dtype: "BF16", shape: [2], data: bf16 }],
      ["u", { dtype: "U8", shape: [2], data: u8 }],
    ]);
    const sd = nn.loadFromBytes(file);
    expect(Array.from(sd.h!.dataSync())).toEqual([1, -2, 0.5, Infinity, 2 ** -24]);
    expect(Array.from(sd.b!.dataSync())).toEqual([1, -2.5]);
    expect([sd.u!.dtype, ...sd.u!.dataSync()]).toEqual(["int32", 0, 255]);
  });
});

describe("files written here are the bytes PyTorch's safetensors writes", () => {
  it("the same state_dict gives the same bytes as the Python writer", async () => {
    const written = await nn.saveToBytes(decodeState(fx.mixed.tensors));
    expect(Buffer.from(written).toString("base64")).toBe(fx.mixed.bytes);
  });
  it("the reference implementation's own test vector", async () => {
    const written = await nn.saveToBytes({ "attn.0": arange(6, { dtype: "float32" }).reshape(1, 2, 3) });
    expect(Buffer.from(written).toString("base64")).toBe(fx.upstream_vector);
  });
  it("metadata goes in the header as __metadata__", async () => {
    const written = await nn.saveToBytes({ w: ones(2) }, { metadata: { format: "pt" } });
    expect(Buffer.from(written).toString("base64")).toBe(fx.with_metadata.bytes);
  });
  it("non-contiguous tensors are written in row-major order", async () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]], { dtype: "float32" }).t();
    const back = nn.loadFromBytes(await nn.saveToBytes({ t }));
    expect(back.t!.tolistSync()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });
  it("refuses what is not a state_dict", async () => {
    await expect(nn.saveToBytes(new nn.Linear(1, 1) as unknown as nn.StateDict)).rejects.toThrow(
      "save: expected a state_dict, got a Module; save model.state_dict() instead",
    );
    await expect(nn.saveToBytes({ a: 1 } as unknown as nn.StateDict)).rejects.toThrow("save: the value of 'a' is not a Tensor");
  });
});

describe("truncated or corrupt files fail with a clear error", () => {
  const good = bytes(fx.mixed.bytes);
  const headerEnd = 8 + Number(new DataView(good.buffer).getBigUint64(0, true));
  it("truncated anywhere", () => {
    expect(message(() => nn.loadFromBytes(good.subarray(0, 5)))).toMatch(/too short for the 8-byte header length: it is truncated/);
    for (const cut of [8, 40, headerEnd - 1])
      expect(message(() => nn.loadFromBytes(good.subarray(0, cut)))).toMatch(/the file is truncated or not a safetensors file$/);
    for (const cut of [headerEnd, headerEnd + 10, good.length - 1])
      expect(message(() => nn.loadFromBytes(good.subarray(0, cut)))).toMatch(/bytes of data: the file is truncated$/);
  });
  it("a damaged header", () => {
    const broken = good.slice();
    broken[9] = 0x7b; // `{"` becomes `{{`
    expect(message(() => nn.loadFromBytes(broken))).toMatch(/^safetensors: the header is not valid JSON/);
    const huge = good.slice();
    huge[7] = 1;
    expect(message(() => nn.loadFromBytes(huge))).toMatch(/over the 100 MB limit: this is not a safetensors file$/);
  });
  it("trailing bytes, overlapping offsets and wrong sizes", () => {
    const longer = new Uint8Array(good.length + 4);
    longer.set(good);
    expect(message(() => nn.loadFromBytes(longer))).toMatch(/the header describes \d+ bytes of data but the file holds \d+: the file is corrupt$/);
    const file = (header: string, data: number) => {
      const json = new TextEncoder().encode(header);
      const out = new Uint8Array(8 + json.length + data);
      new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
      out.set(json, 8);
      return out;
    };
    expect(message(() => nn.loadFromBytes(file('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}', 4)))).toBe(
      "safetensors: tensor 'a' of shape [2] and dtype F32 needs 8 bytes but its data_offsets span 4",
    );
    expect(message(() => nn.loadFromBytes(file('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', 8)))).toBe(
      "safetensors: tensor 'a' starts at data byte 4, expected 0: the header is corrupt",
    );
    expect(message(() => nn.loadFromBytes(file('{"a":{"dtype":"Q7","shape":[1],"data_offsets":[0,4]}}', 4)))).toBe(
      `safetensors: tensor 'a' has an unknown dtype "Q7"`,
    );
  });
});

describe("save and load files in Node", () => {
  const dir = mkdtempSync(join(tmpdir(), "flambeau-nn-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a model saved and loaded into a fresh one predicts the same (lesson 5)", async () => {
    manual_seed(0);
    const model = new nn.Sequential(new nn.Linear(1, 4), new nn.Tanh(), new nn.Linear(4, 1));
    const path = join(dir, "awesome_model.safetensors");
    await nn.save(model.state_dict(), path);
    const fresh = new nn.Sequential(new nn.Linear(1, 4), new nn.Tanh(), new nn.Linear(4, 1));
    const x = arange(5, { dtype: "float32" }).reshape(5, 1);
    expect(fresh(x).tolistSync()).not.toEqual(model(x).tolistSync());
    fresh.load_state_dict(await nn.load(path));
    expect(fresh(x).tolistSync()).toEqual(model(x).tolistSync());
    expect(readFileSync(path)).toEqual(Buffer.from(await nn.saveToBytes(model.state_dict())));
  });

  it("a missing file fails as Node's fs does", async () => {
    await expect(nn.load(join(dir, "nope.safetensors"))).rejects.toThrow(/ENOENT/);
  });

  it("no source file imports node: modules statically (browser bundles stay clean)", () => {
    const root = new URL("../src/", import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect([f, readFileSync(new URL(f, root), "utf8")]).not.toContainEqual(expect.stringMatching(/(from|import)\s*\(?\s*["']node:/));
  });
});

