/**
 * Reads that do not block the page (WebGL2): readPixels into a pixel-pack buffer returns at
 * once, a fence says when the GPU has caught up, and only then are the values copied out. The
 * read is queued when it is asked for, so it sees the texture as it was then, even if the
 * texture is overwritten or deleted before the GPU gets there. WebGL 1 and headless-gl have no
 * pack buffers and read synchronously.
 */
import type { Texture } from "gpu.js";
import type { GLContext } from "./gl-context.js";

interface GLTextureLike {
  texture: WebGLTexture;
  size: [number, number];
  type: string;
}

let framebuffer: WebGLFramebuffer | null = null;

/** Whether `gl` can read asynchronously. */
export function canReadAsync(gl: GLContext | null): gl is WebGL2RenderingContext {
  return typeof WebGL2RenderingContext !== "undefined" && gl instanceof WebGL2RenderingContext;
}

/** The first `n` values of a float texture, once the GPU has produced them. */
export function readAsync(gl: WebGL2RenderingContext, texture: Texture, n: number): Promise<Float32Array> {
  const { texture: tex, size, type } = texture as unknown as GLTextureLike;
  // Four elements a texel when gpu.js packed them (optimizeFloatMemory), else one in each texel's red.
  const stride = type === "MemoryOptimizedNumberTexture" ? 1 : 4;
  const [w, h] = size;
  framebuffer ??= gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
  // RGBA/FLOAT is the one format every float color buffer must support (R32F reads as r,0,0,1).
  const texels = new Float32Array(w * h * 4);
  const pbo = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pbo);
  gl.bufferData(gl.PIXEL_PACK_BUFFER, texels.byteLength, gl.STREAM_READ);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.FLOAT, 0);
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
  // A fence is only queued; without a flush the driver may never dispatch it.
  gl.flush();
  return new Promise<Float32Array>((resolve, reject) => {
    const poll = () => {
      const status = gl.clientWaitSync(sync, 0, 0);
      if (status === gl.WAIT_FAILED) {
        gl.deleteSync(sync);
        gl.deleteBuffer(pbo);
        reject(new Error("gpujs: the GPU did not finish a read (WAIT_FAILED)"));
        return;
      }
      if (status === gl.TIMEOUT_EXPIRED) {
        setTimeout(poll, 0);
        return;
      }
      gl.deleteSync(sync);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pbo);
      gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, texels);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      gl.deleteBuffer(pbo);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = texels[stride * i]!;
      resolve(out);
    };
    poll();
  });
}
