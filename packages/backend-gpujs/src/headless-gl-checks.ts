/**
 * headless-gl (Node) validates framebuffers in JavaScript on every call: each `bindFramebuffer`
 * and `framebufferTexture2D` re-checks the framebuffer and re-attaches every attachment point
 * natively (a dozen native calls with WEBGL_draw_buffers on), and each `drawArrays` checks
 * completeness again. gpu.js binds its kernel's framebuffer on every run, so a tiny kernel spent
 * about a fifth of its time there. A framebuffer's status and native attachments depend only on
 * what is attached (object, native name, format, size, level); when none of that changed since
 * the last full check, the check and the re-attachment would repeat what is already true, and
 * they are skipped. When only the attached texture changed (gpu.js renders each run into a new
 * one) and the framebuffer stays complete, only that attachment point is re-attached natively.
 */
import type { GLContext } from "./gl-context.js";

interface HeadlessAttachment {
  _: number;
  _format?: number;
  _type?: number;
  _levelWidth?: number[];
  _levelHeight?: number[];
  _width?: number;
  _height?: number;
}

interface HeadlessFramebuffer {
  _status: number | null;
  _attachments: Record<number, HeadlessAttachment | null | undefined>;
  _attachmentLevel: Record<number, number>;
  _attachmentFace: Record<number, number>;
}

interface HeadlessContext {
  _activeFramebuffer: HeadlessFramebuffer | null;
  _preCheckFramebufferStatus(fb: HeadlessFramebuffer): number;
  _getAttachments(): number[];
  _updateFramebufferAttachments(fb: HeadlessFramebuffer): void;
  _framebufferOk(): boolean;
}

/** Everything the status check reads, flattened, so two states compare element by element. */
function snapshot(ctx: HeadlessContext, fb: HeadlessFramebuffer, out: unknown[]): unknown[] {
  out.length = 0;
  for (const a of ctx._getAttachments()) {
    const t = fb._attachments[a];
    if (!t) continue;
    const level = fb._attachmentLevel[a] ?? 0;
    out.push(a, t, t._, t._format, t._type, t._levelWidth?.[level], t._levelHeight?.[level], t._width, t._height, level, fb._attachmentFace[a]);
  }
  return out;
}

/** Fields of a snapshot entry: attachment point, object, native name, …, level, face. */
const FIELDS = 11;

function entry(s: unknown[], attachment: number): number {
  for (let i = 0; i < s.length; i += FIELDS) if (s[i] === attachment) return i;
  return -1;
}

/** The native calls behind headless-gl's checks (its class's base, the C++ binding). */
interface NativeCalls {
  framebufferTexture2D(target: number, attachment: number, textarget: number, texture: number, level: number): void;
  framebufferRenderbuffer(target: number, attachment: number, rtarget: number, renderbuffer: number): void;
}

/** Attach natively what changed between two snapshots of a complete framebuffer. */
function reattach(ctx: HeadlessContext, native: NativeCalls, gl: GLContext, last: unknown[], now: unknown[]): void {
  for (const a of ctx._getAttachments()) {
    const i = entry(last, a);
    const j = entry(now, a);
    if (i === -1 && j === -1) continue;
    // Object, native name, level and face: what the native attachment is made of.
    if (i !== -1 && j !== -1 && last[i + 1] === now[j + 1] && last[i + 2] === now[j + 2] && last[i + 9] === now[j + 9] && last[i + 10] === now[j + 10])
      continue;
    if (j === -1) native.framebufferTexture2D.call(ctx, gl.FRAMEBUFFER, a, gl.TEXTURE_2D, 0, 0);
    else if ((now[j + 1] as HeadlessAttachment)._levelWidth !== undefined)
      native.framebufferTexture2D.call(ctx, gl.FRAMEBUFFER, a, now[j + 10] as number, (now[j + 2] as number) | 0, now[j + 9] as number);
    else native.framebufferRenderbuffer.call(ctx, gl.FRAMEBUFFER, a, gl.RENDERBUFFER, (now[j + 2] as number) | 0);
  }
}

function same(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const PATCHED = Symbol.for("flambeau.gpujs.framebufferChecks");

/**
 * Make headless-gl skip framebuffer checks whose answer cannot have changed. No-op elsewhere.
 * headless-gl hands out a wrapper whose methods are bound to a hidden context, and that context
 * calls its checks on itself, so they are replaced on the class's prototype (once per process;
 * the replacements give the same answers, for any context).
 */
export function skipRedundantFramebufferChecks(gl: GLContext): void {
  const proto = Object.getPrototypeOf(gl) as HeadlessContext & { [PATCHED]?: true };
  if (typeof proto._updateFramebufferAttachments !== "function" || typeof proto._framebufferOk !== "function" || proto[PATCHED]) return;
  const native = Object.getPrototypeOf(proto) as NativeCalls;
  if (typeof native.framebufferTexture2D !== "function" || typeof native.framebufferRenderbuffer !== "function") return;
  proto[PATCHED] = true;
  const COMPLETE = gl.FRAMEBUFFER_COMPLETE;
  const update = proto._updateFramebufferAttachments;
  const framebufferOk = proto._framebufferOk;
  // The state each framebuffer had at its last full check (only kept when it was complete).
  const checked = new WeakMap<HeadlessFramebuffer, unknown[]>();
  const scratch: unknown[] = [];
  const unchanged = (ctx: HeadlessContext, fb: HeadlessFramebuffer): boolean => {
    const last = checked.get(fb);
    return last !== undefined && fb._status === COMPLETE && same(last, snapshot(ctx, fb, scratch));
  };
  proto._updateFramebufferAttachments = function (this: HeadlessContext, fb: HeadlessFramebuffer) {
    const last = checked.get(fb);
    if (last !== undefined && fb._status === COMPLETE) {
      const now = snapshot(this, fb, []);
      if (same(last, now)) return;
      if (this._preCheckFramebufferStatus(fb) === COMPLETE) {
        reattach(this, native, gl, last, now);
        checked.set(fb, now);
        return;
      }
    }
    update.call(this, fb);
    if (fb._status === COMPLETE) checked.set(fb, snapshot(this, fb, []));
    else checked.delete(fb);
  };
  proto._framebufferOk = function (this: HeadlessContext) {
    const fb = this._activeFramebuffer;
    if (fb && unchanged(this, fb)) return true;
    return framebufferOk.call(this);
  };
}
