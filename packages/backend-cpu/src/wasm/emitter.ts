/**
 * A minimal WebAssembly binary writer: just what the CPU kernels need (i32 and f32 scalars,
 * 128-bit SIMD, structured loops, one imported memory). The kernels are written against it in
 * TypeScript and turned into module bytes at load time, so the package ships no binary and
 * needs no toolchain (docs/design.md, "CPU kernels in WebAssembly").
 *
 * Opcodes are from the WebAssembly 2.0 core specification (sections 5.4 and 5.4.8 for SIMD).
 */

export type ValType = "i32" | "f32" | "f64" | "v128";

const VALTYPE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Unsigned LEB128. */
function uleb(out: number[], v: number): void {
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(out: number[], v: number): void {
  v |= 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

function utf8(out: number[], s: string): void {
  const b = new TextEncoder().encode(s);
  uleb(out, b.length);
  out.push(...b);
}

/** SIMD opcodes (after the 0xfd prefix) that the kernels use. */
export const SIMD = {
  load: 0x00,
  load32_splat: 0x09,
  store: 0x0b,
  f32x4_splat: 0x13,
  f32x4_extract_lane: 0x1f,
  v128_and: 0x4e,
  v128_or: 0x50,
  v128_bitselect: 0x52,
  f32x4_eq: 0x41,
  f32x4_ne: 0x42,
  f32x4_lt: 0x43,
  f32x4_gt: 0x44,
  f32x4_neg: 0xe1,
  f32x4_sqrt: 0xe3,
  f32x4_add: 0xe4,
  f32x4_sub: 0xe5,
  f32x4_mul: 0xe6,
  f32x4_div: 0xe7,
  f32x4_abs: 0xe0,
} as const;

/** The body of one function: locals and an instruction stream, written op by op. */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];

  constructor(
    readonly params: readonly ValType[],
    readonly results: readonly ValType[] = [],
  ) {}

  /** A new local of `type`; its index. */
  local(type: ValType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  get(i: number): this { return this.op(0x20, i); }
  set(i: number): this { return this.op(0x21, i); }
  tee(i: number): this { return this.op(0x22, i); }

  i32(v: number): this {
    this.code.push(0x41);
    sleb(this.code, v);
    return this;
  }
  i32Add(): this { return this.op(0x6a); }
  i32Sub(): this { return this.op(0x6b); }
  i32Mul(): this { return this.op(0x6c); }
  i32Shl(): this { return this.op(0x74); }
  i32LtU(): this { return this.op(0x49); }
  i32LtS(): this { return this.op(0x48); }
  i32GeU(): this { return this.op(0x4f); }
  i32Eqz(): this { return this.op(0x45); }
  i32Ne(): this { return this.op(0x47); }
  f64Const(v: number): this {
    this.code.push(0x44, ...new Uint8Array(new Float64Array([v]).buffer));
    return this;
  }
  f32Load(offset = 0): this { return this.op(0x2a, 2, offset); }
  f32Store(offset = 0): this { return this.op(0x38, 2, offset); }
  f32Add(): this { return this.op(0x92); }
  f32Max(): this { return this.op(0x97); }
  f32Gt(): this { return this.op(0x5e); }
  f32Ne(): this { return this.op(0x5c); }
  f64Add(): this { return this.op(0xa0); }
  f64PromoteF32(): this { return this.op(0xbb); }
  select(): this { return this.op(0x1b); }
  drop(): this { return this.op(0x1a); }

  /** `block`/`loop`/`if` with no result; close each with {@link end}. */
  block(): this { return this.op(0x02, 0x40); }
  loop(): this { return this.op(0x03, 0x40); }
  if(): this { return this.op(0x04, 0x40); }
  else(): this { return this.op(0x05); }
  end(): this { return this.op(0x0b); }
  br(depth: number): this { return this.op(0x0c, depth); }
  brIf(depth: number): this { return this.op(0x0d, depth); }
  call(fn: number): this { return this.op(0x10, fn); }

  /** A SIMD instruction; memory ones take an alignment exponent and an offset. */
  simd(op: number, ...imm: number[]): this {
    this.code.push(0xfd);
    uleb(this.code, op);
    for (const v of imm) uleb(this.code, v);
    return this;
  }
  v128Load(offset = 0): this { return this.simd(SIMD.load, 4, offset); }
  v128Store(offset = 0): this { return this.simd(SIMD.store, 4, offset); }
  /** `v128.const` of four equal f32 lanes. */
  f32x4Const(v: number): this {
    this.code.push(0xfd);
    uleb(this.code, 0x0c);
    const b = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
    this.code.push(...b);
    return this;
  }

  /** A plain opcode followed by unsigned LEB128 immediates. */
  op(code: number, ...imm: number[]): this {
    this.code.push(code);
    for (const v of imm) uleb(this.code, v);
    return this;
  }

  /** The function body as the code section stores it (without its size prefix). */
  body(): number[] {
    const out: number[] = [];
    // Runs of equal local types are declared together.
    const groups: [number, ValType][] = [];
    for (const t of this.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    uleb(out, groups.length);
    for (const [n, t] of groups) {
      uleb(out, n);
      out.push(VALTYPE[t]);
    }
    out.push(...this.code, 0x0b);
    return out;
  }
}

/** A module of exported functions over one imported memory (`env.memory`). */
export class ModuleBuilder {
  private readonly fns: { name: string; fn: FunctionBuilder }[] = [];

  constructor(private readonly memory: { initial: number; maximum: number; shared: boolean }) {}

  /** Add `fn`, exported as `name`; its function index (for calls between kernels). */
  add(name: string, fn: FunctionBuilder): number {
    this.fns.push({ name, fn });
    return this.fns.length - 1;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const section = (id: number, content: number[]): void => {
      out.push(id);
      uleb(out, content.length);
      out.push(...content);
    };
    // Type section: one signature per function (duplicates are allowed).
    const types: number[] = [];
    uleb(types, this.fns.length);
    for (const { fn } of this.fns) {
      types.push(0x60);
      uleb(types, fn.params.length);
      for (const p of fn.params) types.push(VALTYPE[p]);
      uleb(types, fn.results.length);
      for (const r of fn.results) types.push(VALTYPE[r]);
    }
    section(1, types);
    // Import section: the memory.
    const imports: number[] = [1];
    utf8(imports, "env");
    utf8(imports, "memory");
    const { initial, maximum, shared } = this.memory;
    imports.push(0x02, shared ? 0x03 : 0x01);
    uleb(imports, initial);
    uleb(imports, maximum);
    section(2, imports);
    const funcs: number[] = [];
    uleb(funcs, this.fns.length);
    this.fns.forEach((_, i) => uleb(funcs, i));
    section(3, funcs);
    const exports: number[] = [];
    uleb(exports, this.fns.length);
    this.fns.forEach(({ name }, i) => {
      utf8(exports, name);
      exports.push(0x00);
      uleb(exports, i);
    });
    section(7, exports);
    const code: number[] = [];
    uleb(code, this.fns.length);
    for (const { fn } of this.fns) {
      const b = fn.body();
      uleb(code, b.length);
      code.push(...b);
    }
    section(10, code);
    return new Uint8Array(out);
  }
}
