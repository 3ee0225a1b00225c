import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * float32 elementwise kernels over 2-d blocks whose operands broadcast along either axis: the
 * bias add `x[B, N] + b[N]`, `x[B, N] - m[B, 1]`, ReLU's backward mask `y > 0` and its
 * `where(mask, g, 0)`. Every operand is described by a row stride (bytes, 0 when the operand
 * repeats down the rows) and an element step (4 bytes, or 0 when it repeats along a row); the
 * output is written contiguously, row after row. Rows are walked four lanes at a time with a
 * scalar tail, so nothing needs padding.
 */

/** Opcodes outside emitter.ts's table (WebAssembly 2.0 core, 5.4). */
const OP = {
  return: 0x0f,
  i32_load8_u: 0x2d,
  i32_store8: 0x3a,
  i32_ge_s: 0x4e,
  f32_sub: 0x93,
  f32_mul: 0x94,
  f32_div: 0x95,
  f32_eq: 0x5b,
  f32_ne: 0x5c,
  f32_lt: 0x5d,
  f32_le: 0x5f,
  f32_ge: 0x60,
  /** `if` with one v128 result. */
  if_v128: [0x04, 0x7b],
} as const;
const V = {
  f32x4_le: 0x45,
  f32x4_ge: 0x46,
  i8x16_neg: 0x61,
  i8x16_narrow_i16x8_s: 0x65,
  i16x8_narrow_i32x4_s: 0x85,
  i16x8_extend_low_i8x16_u: 0x89,
  i32x4_extend_low_i16x8_u: 0xa9,
  i32x4_eq: 0x37,
  v128_load32_zero: 0x5c,
  v128_store32_lane: 0x5a,
} as const;

/** Arithmetic with a rows kernel: [vector opcode, scalar opcode]. Each rounds once, as the plain kernel's. */
export const ROWS_ARITHMETIC = { add: [SIMD.f32x4_add, 0x92], sub: [SIMD.f32x4_sub, OP.f32_sub], mul: [SIMD.f32x4_mul, OP.f32_mul], div: [SIMD.f32x4_div, OP.f32_div] } as const;
/** Comparisons with a rows kernel (bool results); NaN compares as in JavaScript, as the plain kernels do. */
export const ROWS_COMPARISON = {
  eq: [SIMD.f32x4_eq, OP.f32_eq], ne: [SIMD.f32x4_ne, OP.f32_ne], lt: [SIMD.f32x4_lt, OP.f32_lt],
  le: [V.f32x4_le, OP.f32_le], gt: [SIMD.f32x4_gt, 0x5e], ge: [V.f32x4_ge, OP.f32_ge],
} as const;

/**
 * Parameters shared by the rows kernels, after the output `o`: operand address, row stride and
 * element step per operand, then `rows` and `cols`. Emits the walk; `vector` and `scalar` push
 * one result's store (the output address is already on the stack) from the operands' addresses.
 */
interface Walk {
  f: FunctionBuilder;
  /** Per operand: its address local, row stride local, step local (0 or 4), vector step local. */
  ops: { at: number; row: number; step: number; vstep: number; cursor: number }[];
  o: number;
  /** Bytes the output advances per element (4 for float32, 1 for bool). */
  oStep: number;
}

/** Push operand `i`'s next four lanes: a vector load, or one element splat when it repeats along the row. */
function lanes(w: Walk, i: number): void {
  const { f } = w;
  const op = w.ops[i]!;
  f.get(op.step).op(...OP.if_v128).get(op.cursor).v128Load().else().get(op.cursor).simd(SIMD.load32_splat, 2, 0).end();
}

function walk(params: number, oStep: number, body: (w: Walk) => { vector(): void; scalar(): void }): FunctionBuilder {
  const f = new FunctionBuilder(Array.from({ length: 3 * params + 3 }, () => "i32" as const));
  const o = 0;
  const ops = Array.from({ length: params }, (_, i) => ({ at: 1 + 3 * i, row: 2 + 3 * i, step: 3 + 3 * i, vstep: f.local("i32"), cursor: f.local("i32") }));
  const rows = 1 + 3 * params;
  const cols = rows + 1;
  const j = f.local("i32");
  const w: Walk = { f, ops, o, oStep };
  const { vector, scalar } = body(w);
  f.get(rows).i32Eqz().get(cols).i32Eqz().op(0x72 /* i32.or */).if().op(OP.return).end();
  for (const op of ops) f.get(op.step).i32(2).i32Shl().set(op.vstep);
  f.loop(); // rows
  for (const op of ops) f.get(op.at).set(op.cursor);
  f.get(cols).set(j);
  f.block().loop(); // four lanes at a time
  f.get(j).i32(4).i32LtS().brIf(1);
  f.get(o);
  vector();
  f.get(o).i32(4 * oStep).i32Add().set(o);
  for (const op of ops) f.get(op.cursor).get(op.vstep).i32Add().set(op.cursor);
  f.get(j).i32(4).i32Sub().set(j);
  f.br(0).end().end();
  f.block().loop(); // the tail, one element at a time
  f.get(j).i32Eqz().brIf(1);
  f.get(o);
  scalar();
  f.get(o).i32(oStep).i32Add().set(o);
  for (const op of ops) f.get(op.cursor).get(op.step).i32Add().set(op.cursor);
  f.get(j).i32(1).i32Sub().set(j);
  f.br(0).end().end();
  for (const op of ops) f.get(op.at).get(op.row).i32Add().set(op.at);
  f.get(rows).i32(1).i32Sub().tee(rows).brIf(0);
  f.end();
  return f;
}

/** `rows_<op>(o, a, ar, as, b, br, bs, rows, cols)`: float32 `o = a op b`. */
function arithmetic([vop, sop]: readonly [number, number]): FunctionBuilder {
  return walk(2, 4, (w) => ({
    vector: () => {
      lanes(w, 0);
      lanes(w, 1);
      w.f.simd(vop).v128Store();
    },
    scalar: () => w.f.get(w.ops[0]!.cursor).f32Load().get(w.ops[1]!.cursor).f32Load().op(sop).f32Store(),
  }));
}

/** `rows_<op>(o, a, ar, as, b, br, bs, rows, cols)`: bool bytes `o = a op b ? 1 : 0`. */
function comparison([vop, sop]: readonly [number, number]): FunctionBuilder {
  let mask = -1;
  const f = walk(2, 1, (w) => {
    mask = w.f.local("v128");
    return {
      vector: () => {
        lanes(w, 0);
        lanes(w, 1);
        // Four all-ones/zero lanes narrowed to four bytes, then -1 -> 1.
        w.f.simd(vop).tee(mask).get(mask).simd(V.i16x8_narrow_i32x4_s).tee(mask).get(mask).simd(V.i8x16_narrow_i16x8_s);
        w.f.simd(V.i8x16_neg).simd(V.v128_store32_lane, 0, 0, 0);
      },
      scalar: () => w.f.get(w.ops[0]!.cursor).f32Load().get(w.ops[1]!.cursor).f32Load().op(sop).op(OP.i32_store8, 0, 0),
    };
  });
  return f;
}

/**
 * `rows_where(o, c, cr, cs, a, ar, as, b, br, bs, rows, cols)`: float32 `o = c ? a : b` with
 * `c` bool bytes (0/1, step 1 byte: the caller passes cs = 1 and never a repeated condition).
 */
function where(): FunctionBuilder {
  return walk(3, 4, (w) => {
    // The condition's step is 1 byte, so its vector step (4x) is the 4 bytes of four lanes.
    const [c, a, b] = w.ops as [Walk["ops"][0], Walk["ops"][0], Walk["ops"][0]];
    return {
      vector: () => {
        lanes(w, 2);
        lanes(w, 1);
        w.f.get(c.cursor).simd(V.v128_load32_zero, 0, 0).simd(V.i16x8_extend_low_i8x16_u).simd(V.i32x4_extend_low_i16x8_u);
        w.f.f32x4Const(0).simd(V.i32x4_eq).simd(SIMD.v128_bitselect).v128Store();
      },
      scalar: () => w.f.get(a.cursor).f32Load().get(b.cursor).f32Load().get(c.cursor).op(OP.i32_load8_u, 0, 0).select().f32Store(),
    };
  });
}

/** Add `rows_add`…`rows_div`, `rows_eq`…`rows_ge` and `rows_where` to `mod`. */
export function addRows(mod: ModuleBuilder): void {
  for (const [name, ops] of Object.entries(ROWS_ARITHMETIC)) mod.add(`rows_${name}`, arithmetic(ops));
  for (const [name, ops] of Object.entries(ROWS_COMPARISON)) mod.add(`rows_${name}`, comparison(ops));
  mod.add("rows_where", where());
}
