/**
 * Small output textures, recycled. An immutable gpu.js kernel renders each run into a fresh
 * texture whenever a tensor still holds its previous result (in a training loop, nearly always),
 * and deletes a texture once its last holder lets go: an allocation and a deletion per kernel,
 * each with WebGL validation on top (in JavaScript on headless-gl). Instead, a released texture
 * waits here, keyed by size and format, and the next kernel of that size renders into it.
 *
 * Reuse is safe because gpu.js counts holders (`_refs`: the kernel, and each clone a tensor
 * holds) and a texture comes here only when that count reaches zero: no live tensor can see it
 * rewritten. Only small textures are kept, and a bounded number of bytes, since per-call
 * overhead only dominates for small kernels and the pool's memory stays flat and small.
 *
 * The key holds gpu.js's texture type as well as size and format: a texture goes back only to a
 * kernel whose results have the same layout (on headless-gl a scalar kernel packs four elements
 * to a texel, matmul's four-wide kernels do not: kernel-cache.ts), and the pool counts each at
 * the bytes its format takes (R32F is 4 a texel, RGBA32F 16).
 */
import { texelBytes, type GLContext } from "./gl-context.js";

/** gpu.js's reference count on a raw WebGL texture. */
type RawTexture = WebGLTexture & { _refs?: number };

/** The parts of gpu.js's GLTexture (a kernel's output) used here. */
interface OutputTexture {
  texture: RawTexture;
  size: ArrayLike<number>;
  internalFormat: number;
  /** gl.FLOAT for the single-precision textures the device uses. */
  textureType: number;
  /** The layout: "NumberTexture", "MemoryOptimizedNumberTexture" (four to a texel), "ArrayTexture(4)", … */
  type: string;
  context: GLContext;
  newTexture(): void;
}

/** The parts of a gpu.js WebGL kernel used here. */
export interface PoolKernel {
  texture?: OutputTexture | null;
  _textureSwitched: boolean;
  context: GLContext | null;
  textureCache?: RawTexture[];
  deleteTexture(texture: RawTexture): void;
}

/**
 * 64 KiB at RGBA32F (16,384 packed elements on headless-gl, 4,096 elsewhere): above this,
 * rendering outweighs allocation.
 */
const MAX_TEXELS = 4096;
/**
 * Tensors are mostly freed by their finalizers, in batches whenever the program yields (a
 * training loop's whole steps' worth at once), so the pool holds a batch: up to 512 textures
 * of each size, 16 MiB in all.
 */
const MAX_BYTES = 16 * 2 ** 20;
const MAX_PER_SIZE = 512;

const free = new Map<string, RawTexture[]>();
const keys = new WeakMap<RawTexture, string>();
const sizes = new Map<string, number>(); // bytes of a texture of each key
const installed = new WeakSet<PoolKernel>();
const contexts = new WeakMap<RawTexture, GLContext>(); // where each pooled texture lives
let pooled = 0;
let pooledBytes = 0;

/** Released textures waiting in the pool, and their bytes (they are still live textures). */
export function poolStats(): { pooled: number; pooledBytes: number } {
  return { pooled, pooledBytes };
}

function bytesOf(t: OutputTexture): number {
  return t.size[0]! * t.size[1]! * texelBytes(t.context, t.internalFormat, t.textureType);
}

function keyOf(t: OutputTexture): string | undefined {
  const w = t.size[0]!;
  const h = t.size[1]!;
  return w * h <= MAX_TEXELS ? `${w}x${h}:${t.internalFormat}:${t.type}` : undefined;
}

/**
 * Before a run: when a tensor holds the kernel's output texture (or `detach`: the texture is
 * also one of this run's inputs), give the kernel a texture nobody holds, from the pool when it
 * has one. gpu.js would otherwise allocate one itself.
 */
export function prepareOutput(kernel: PoolKernel, detach: boolean): void {
  const out = kernel.texture;
  if (!out || (!detach && (out.texture._refs ?? 1) <= 1)) return;
  const key = keyOf(out);
  const next = key === undefined ? undefined : free.get(key)?.pop();
  if (next === undefined) {
    // gpu.js replaces a held texture itself, but not one that is also an input.
    if (detach) {
      out.newTexture();
      kernel._textureSwitched = true;
    }
    return;
  }
  pooled--;
  pooledBytes -= bytesOf(out);
  out.texture._refs = (out.texture._refs ?? 1) - 1;
  next._refs = 1;
  out.texture = next;
  kernel._textureSwitched = true;
}

/** After a run: note the size of the texture rendered into, and send the kernel's releases here. */
export function adoptOutput(kernel: PoolKernel): void {
  const out = kernel.texture;
  if (!out) return;
  const key = keyOf(out);
  if (key !== undefined && !keys.has(out.texture)) {
    keys.set(out.texture, key);
    if (!sizes.has(key)) sizes.set(key, bytesOf(out));
  }
  if (installed.has(kernel)) return;
  installed.add(kernel);
  const release = kernel.deleteTexture;
  kernel.deleteTexture = function (this: PoolKernel, texture: RawTexture) {
    const k = keys.get(texture);
    const bytes = k === undefined ? 0 : sizes.get(k)!;
    if (k === undefined || pooledBytes + bytes > MAX_BYTES || this.context === null) return release.call(this, texture);
    const list = free.get(k) ?? free.set(k, []).get(k)!;
    if (list.length >= MAX_PER_SIZE) return release.call(this, texture);
    // Kernels keep the textures they created until destroyed; this one now belongs to the pool.
    const cached = this.textureCache?.indexOf(texture) ?? -1;
    if (cached !== -1) this.textureCache!.splice(cached, 1);
    list.push(texture);
    contexts.set(texture, this.context);
    pooled++;
    pooledBytes += bytes;
  };
}

/** Delete every pooled texture (`torch.backends.gpujs.empty_cache()`); textures tensors hold stay. */
export function emptyPool(): void {
  for (const list of free.values())
    for (const texture of list.splice(0)) contexts.get(texture)?.deleteTexture(texture);
  pooled = 0;
  pooledBytes = 0;
}
