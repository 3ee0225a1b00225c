/**
 * The bad-input catalogue (DESIGN.md, Decision 6): tables of inputs PyTorch refuses or treats
 * specially, each row with the error class and words it must raise, or the result it must
 * give. After a refused input, every tensor, module and optimizer the case built is checked
 * unchanged: values, layout, version, autograd state, gradients and optimizer state.
 *
 * This file holds the row format and the runner; the rows live by area in the `bad-*.ts`
 * files beside it (and `wrong-kinds.ts`), each registered once per backend by `suite.ts`.
 */
import { expect, it } from "vitest";
import * as torch from "flambeau";
import { snapshot } from "./errors.js";
import { hasInt64 } from "./int64.js";

/** What a case builds on the device under test; everything listed must survive a refusal. */
export interface Involved {
  tensors?: torch.Tensor[];
  modules?: torch.nn.Module[];
  optimizers?: torch.optim.Optimizer[];
}

/** Devices a case runs on: those with int64 (the CPU), those without (the GPUs), or all. */
type Where = "int64" | "no int64";

interface Refused {
  name: string;
  where?: Where;
  make?: (device: string) => Involved;
  run: (state: Involved, device: string) => unknown;
  /** The exact error class: `TypeError` for a wrong kind of argument, `Error` for a bad value. */
  error: typeof Error;
  /**
   * The class on a device that reads asynchronously (WebGPU), where a kernel finds the bad
   * value and another op's words report it, when that differs from `error`.
   */
  errorWhenAsync?: typeof Error;
  /**
   * An in-place op whose bad value a kernel finds: on a device that reads asynchronously the op
   * has been committed (the tensor's version moved on) before the next read reports the fault,
   * as with CUDA's device-side asserts; the values must still be unchanged.
   */
  committedWhenAsync?: true;
  /** Every fragment must occur in the message. */
  words: (string | RegExp)[];
}

interface Accepted {
  name: string;
  where?: Where;
  make?: (device: string) => Involved;
  run: (state: Involved, device: string) => unknown;
  /** Checks the result against PyTorch's (values from PyTorch 1.13, noted beside each case). */
  gives: (result: any, state: Involved) => unknown;
}

export type BadInputCase = Refused | Accepted;

async function snapshotAll(state: Involved, withVersions = true): Promise<unknown> {
  const tensors = await Promise.all((state.tensors ?? []).map(async (t) => [await snapshot(t), t.grad && (await snapshot(t.grad))]));
  const modules = await Promise.all(
    (state.modules ?? []).map(async (m) => ({
      params: await Promise.all(m.named_parameters().map(async ([n, p]) => [n, await snapshot(p), p.grad && (await snapshot(p.grad))])),
      buffers: await Promise.all(m.named_buffers().map(async ([n, b]) => [n, await snapshot(b)])),
      training: m.training,
    })),
  );
  const optimizers = await Promise.all(
    (state.optimizers ?? []).map(async (o) => {
      const sd = o.state_dict();
      const state = await Promise.all(
        Object.entries(sd.state).map(async ([k, s]) => [
          k,
          await Promise.all(Object.entries(s).map(async ([n, v]) => [n, v instanceof torch.Tensor ? await snapshot(v) : v])),
        ]),
      );
      return { groups: JSON.stringify(sd.param_groups), state, steps: o._step_count };
    }),
  );
  // Values compare by value: a grad_fn by its name, a gradient by its own snapshot above.
  const plain = (k: string, v: unknown) =>
    k === "grad_fn" ? (v === null ? null : (v as { name?: string }).name ?? "node")
    : k === "version" && !withVersions ? undefined
    : v instanceof torch.Tensor ? "tensor" : v;
  return JSON.parse(JSON.stringify({ tensors, modules, optimizers }, plain));
}

/** Register one `it` per catalogue case on `device`. */
export function registerBadInputTests(device: string, cases: readonly BadInputCase[]): void {
  for (const c of cases) {
    if (c.where !== undefined && (c.where === "int64") !== hasInt64(device)) continue;
    if ("gives" in c) {
      it(`${c.name}`, async () => {
        const state = c.make?.(device) ?? {};
        await c.gives(await c.run(state, device), state);
      });
      continue;
    }
    it(`refuses ${c.name} with a ${c.error.name} and changes nothing`, async () => {
      const state = c.make?.(device) ?? {};
      const async = !torch.can_read_sync(torch.zeros([1], { device }));
      const withVersions = !(c.committedWhenAsync && async);
      const before = await snapshotAll(state, withVersions);
      let error: unknown = null;
      try {
        await c.run(state, device);
      } catch (e) {
        error = e;
      }
      expect(error, "it should throw").toBeInstanceOf(Error);
      const expected = c.errorWhenAsync && async ? c.errorWhenAsync : c.error;
      expect((error as Error).constructor.name, `error class (message: ${(error as Error).message})`).toBe(expected.name);
      const message = (error as Error).message;
      for (const w of c.words) {
        if (typeof w === "string") expect(message).toContain(w);
        else expect(message).toMatch(w);
      }
      const unchanged = withVersions ? "everything the case built is unchanged" : "the values the case built are unchanged";
      expect(await snapshotAll(state, withVersions), unchanged).toEqual(before);
    });
  }
}
