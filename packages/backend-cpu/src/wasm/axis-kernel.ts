import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * float32 reductions along one block of axes of a contiguous tensor seen as `[outer, red,
 * inner]`: down the rows (`inner > 1`: a bias gradient's sum over the batch) or along each row
 * (`inner == 1`: softmax's sums over classes).
 *
 * Down the rows, every output element is folded in the same order as the plain kernel's walk
 * (row after row), sums in doubles: results are bit-identical to the plain kernels. Along a row
 * the sum is split over lanes, so it differs from the plain sum only in the order of its
 * double-precision additions.
 */

const F64X2_PROMOTE_LOW_F32X4 = 0x5f;
const F64X2_ADD = 0xf0;
const F64X2_EXTRACT_LANE = 0x21;
const I8X16_SHUFFLE = 0x0d;
/** Lanes 2 and 3 moved to lanes 0 and 1. */
const HIGH_HALF = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
const F64_LOAD = 0x2b;
const F64_STORE = 0x39;
const F32_DEMOTE_F64 = 0xb6;
const F32_LT = 0x5d;
const I32_OR = 0x72;
const RETURN = 0x0f;

/**
 * `(acc, x, ldx, rows, cols)`: for every row r of x (float32, ldx bytes apart), in order, and
 * every column j, `fold(acc[j], x[r*ldx + j])` — four columns at a time, then one at a time.
 * `vector`/`scalar` emit one step from the cursors `pa` (acc) and `px` (x); acc entries are
 * `accBytes` wide, so four of them span `4 * accBytes`.
 */
function downRows(accBytes: 4 | 8, body: (f: FunctionBuilder) => { vector(pa: number, px: number): void; scalar(pa: number, px: number): void }): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32", "i32"]);
  const [acc, x, ldx, rows, cols] = [0, 1, 2, 3, 4];
  const pa = f.local("i32");
  const px = f.local("i32");
  const j = f.local("i32");
  const { vector, scalar } = body(f);
  f.get(rows).i32Eqz().get(cols).i32Eqz().op(I32_OR).if().op(RETURN).end();
  f.loop(); // rows
  f.get(acc).set(pa);
  f.get(x).set(px);
  f.get(cols).set(j);
  f.block().loop();
  f.get(j).i32(4).i32LtS().brIf(1);
  vector(pa, px);
  f.get(pa).i32(4 * accBytes).i32Add().set(pa);
  f.get(px).i32(16).i32Add().set(px);
  f.get(j).i32(4).i32Sub().set(j);
  f.br(0).end().end();
  f.block().loop();
  f.get(j).i32Eqz().brIf(1);
  scalar(pa, px);
  f.get(pa).i32(accBytes).i32Add().set(pa);
  f.get(px).i32(4).i32Add().set(px);
  f.get(j).i32(1).i32Sub().set(j);
  f.br(0).end().end();
  f.get(x).get(ldx).i32Add().set(x);
  f.get(rows).i32(1).i32Sub().tee(rows).brIf(0);
  f.end();
  return f;
}

/** `col_sum(acc, x, ldx, rows, cols)`: `acc[j] += x[r*ldx + j]`, acc float64. */
function colSum(): FunctionBuilder {
  return downRows(8, (f) => {
    const v = f.local("v128");
    return {
      vector: (pa, px) => {
        f.get(px).v128Load().set(v);
        f.get(pa).get(pa).v128Load().get(v).simd(F64X2_PROMOTE_LOW_F32X4).simd(F64X2_ADD).v128Store();
        f.get(pa).get(pa).v128Load(16).get(v).get(v).simd(I8X16_SHUFFLE, ...HIGH_HALF).simd(F64X2_PROMOTE_LOW_F32X4).simd(F64X2_ADD).v128Store(16);
      },
      scalar: (pa, px) => f.get(pa).get(pa).op(F64_LOAD, 3, 0).get(px).f32Load().f64PromoteF32().f64Add().op(F64_STORE, 3, 0),
    };
  });
}

/**
 * `col_max(acc, x, ldx, rows, cols)` (or `col_min`): `acc[j] = x[r*ldx + j]` where that is
 * larger (smaller) or NaN (acc float32). This is the plain kernel's test, so the first NaN
 * stays and ties keep the earlier element (-0 and 0 included).
 */
function colExtreme(max: boolean): FunctionBuilder {
  return downRows(4, (f) => {
    const v = f.local("v128");
    const a = f.local("v128");
    const s = f.local("f32");
    const t = f.local("f32");
    return {
      vector: (pa, px) => {
        f.get(px).v128Load().set(v);
        f.get(pa).v128Load().set(a);
        // acc = (v beats a) | (v is NaN) ? v : a
        f.get(pa).get(v).get(a);
        f.get(max ? a : v).get(max ? v : a).simd(SIMD.f32x4_lt).get(v).get(v).simd(SIMD.f32x4_ne).simd(SIMD.v128_or);
        f.simd(SIMD.v128_bitselect).v128Store();
      },
      scalar: (pa, px) => {
        f.get(px).f32Load().set(s);
        f.get(pa).f32Load().set(t);
        f.get(pa).get(s).get(t);
        f.get(max ? t : s).get(max ? s : t).op(F32_LT).get(s).get(s).f32Ne().op(I32_OR);
        f.select().f32Store();
      },
    };
  });
}

/** `row_sum(o, x, rows, cols)`: `o[r] = sum_j x[r*cols + j]` (float32 out, summed in doubles). */
function rowSum(): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32"]);
  const [o, x, rows, cols] = [0, 1, 2, 3];
  const j = f.local("i32");
  const lo = f.local("v128");
  const hi = f.local("v128");
  const v = f.local("v128");
  const s = f.local("f64");
  f.get(rows).i32Eqz().if().op(RETURN).end();
  f.loop(); // rows
  f.f64Const(0).set(s);
  f.f32x4Const(0).tee(lo).set(hi);
  f.get(cols).set(j);
  f.block().loop();
  f.get(j).i32(4).i32LtS().brIf(1);
  f.get(x).v128Load().set(v);
  f.get(lo).get(v).simd(F64X2_PROMOTE_LOW_F32X4).simd(F64X2_ADD).set(lo);
  f.get(hi).get(v).get(v).simd(I8X16_SHUFFLE, ...HIGH_HALF).simd(F64X2_PROMOTE_LOW_F32X4).simd(F64X2_ADD).set(hi);
  f.get(x).i32(16).i32Add().set(x);
  f.get(j).i32(4).i32Sub().set(j);
  f.br(0).end().end();
  f.block().loop();
  f.get(j).i32Eqz().brIf(1);
  f.get(s).get(x).f32Load().f64PromoteF32().f64Add().set(s);
  f.get(x).i32(4).i32Add().set(x);
  f.get(j).i32(1).i32Sub().set(j);
  f.br(0).end().end();
  f.get(lo).get(hi).simd(F64X2_ADD).set(lo);
  f.get(o);
  f.get(lo).simd(F64X2_EXTRACT_LANE, 0).get(lo).simd(F64X2_EXTRACT_LANE, 1).f64Add().get(s).f64Add().op(F32_DEMOTE_F64).f32Store();
  f.get(o).i32(4).i32Add().set(o);
  f.get(rows).i32(1).i32Sub().tee(rows).brIf(0);
  f.end();
  return f;
}

/** Add `col_sum`, `col_max`, `col_min` and `row_sum` to `mod`. */
export function addAxis(mod: ModuleBuilder): void {
  mod.add("col_sum", colSum());
  mod.add("col_max", colExtreme(true));
  mod.add("col_min", colExtreme(false));
  mod.add("row_sum", rowSum());
}
