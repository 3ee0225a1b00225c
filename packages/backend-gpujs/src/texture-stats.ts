/**
 * Counts the textures alive in the shared WebGL context, and their bytes, by watching the
 * context's own calls. gpu.js keeps textures of its own (each kernel's current output, argument
 * uploads), so this, not the tensors' bookkeeping in `torch.memory()`, is what shows whether a
 * training loop's GPU memory stays flat.
 */
import { texelBytes, type GLContext } from "./gl-context.js";
import { poolStats } from "./texture-pool.js";

/** Live textures in the context, the bytes their storage takes, and reads back to the host so far. */
export interface TextureStats {
  textures: number;
  bytes: number;
  /** Of those, released small textures kept for reuse (texture-pool.ts), and their bytes. */
  pooled: number;
  pooledBytes: number;
  /** `readPixels` calls: a chain of ops that stays on the GPU adds none. */
  reads: number;
}

const stats = { textures: 0, bytes: 0, reads: 0 };

/**
 * The counts so far (zeros before the context exists, or on a CPU fallback).
 *
 * @example
 * ```ts
 * const before = textureStats();
 * for (let i = 0; i < 100; i++) step();
 * await new Promise((r) => setTimeout(r, 0)); // let finalizers run
 * console.log(textureStats().textures - before.textures); // ~0 once warmed up
 * ```
 */
export function textureStats(): TextureStats {
  return { ...stats, ...poolStats() };
}

/** Wrap the context's texture calls to keep {@link textureStats} current. */
export function watchTextures(gl: GLContext): void {
  const size = new WeakMap<WebGLTexture, number>();
  const deleted = new WeakSet<WebGLTexture>();
  const bound = new Map<number, WebGLTexture | null>();
  let unit: number = gl.TEXTURE0;
  const g = gl as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrap = (name: string, after: (args: unknown[], result: unknown) => void): void => {
    if (typeof g[name] !== "function") return; // texStorage2D is WebGL 2 only
    const original = g[name]!.bind(gl);
    g[name] = (...args: unknown[]) => {
      const result = original(...args);
      after(args, result);
      return result;
    };
  };
  const resize = (bytes: number): void => {
    const t = bound.get(unit);
    if (!t) return;
    stats.bytes += bytes - (size.get(t) ?? 0);
    size.set(t, bytes);
  };
  wrap("createTexture", (_args, t) => {
    if (t) stats.textures++;
  });
  wrap("deleteTexture", ([t]) => {
    const tex = t as WebGLTexture | null;
    if (!tex || deleted.has(tex)) return;
    deleted.add(tex);
    stats.textures--;
    stats.bytes -= size.get(tex) ?? 0;
    size.delete(tex);
  });
  wrap("activeTexture", ([u]) => {
    unit = u as number;
  });
  wrap("bindTexture", ([target, t]) => {
    if (target === gl.TEXTURE_2D) bound.set(unit, t as WebGLTexture | null);
  });
  wrap("texImage2D", (args) => {
    // Only the (target, level, internalFormat, width, height, border, format, type, pixels) form
    // allocates data textures; level 0 is the only level gpu.js uses.
    if (args.length < 9 || args[1] !== 0) return;
    resize((args[3] as number) * (args[4] as number) * texelBytes(gl, args[2] as number, args[7] as number));
  });
  wrap("readPixels", () => {
    stats.reads++;
  });
  wrap("texStorage2D", (args) => {
    resize((args[3] as number) * (args[4] as number) * texelBytes(gl, args[2] as number, undefined));
  });
}
