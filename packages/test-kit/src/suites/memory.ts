// Decision 5 on every backend: what backward and memory scopes free, and what they must not.
// On devices that free memory explicitly (webgpu, gpujs) live bytes are counted exactly;
// everywhere, tensors the user holds stay readable. No test relies on the garbage collector
// (except the one that checks that the tensor layer runs it when device memory piles up): `gc`
// (when given) is called only to show that the counts do not depend on it.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { collectionThreshold, forcedCollections } from "@flambeau/tensor/internal";

type Tensor = torch.Tensor;

const bytesOf = (ts: Iterable<Tensor>): number => {
  let n = 0;
  for (const t of ts) n += t.numel() * t.element_size();
  return n;
};

/** A small MLP on 32 samples of 8 features, 3 classes. */
const mlp = () => ({
  model: new torch.nn.Sequential(new torch.nn.Linear(8, 16), new torch.nn.ReLU(), new torch.nn.Linear(16, 3)),
  x: torch.randn([32, 8]),
  y: torch.randint(0, 3, [32]),
});

/** A small model's training setup on `device` (the MLP by default); its step's only tensors are the model's. */
function setup(device: string, make: () => { model: torch.nn.Module; x: Tensor; y: Tensor } = mlp) {
  torch.manual_seed(0);
  const made = make();
  const model = made.model.to(device);
  // Adam would make two constants a step (its bias corrections) until the constant cache is full.
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
  const lossFn = new torch.nn.CrossEntropyLoss();
  const x = made.x.to(device);
  const y = made.y.to(device);
  const step = (): Tensor => {
    opt.zero_grad();
    const loss = lossFn(model(x), y);
    loss.backward();
    opt.step();
    return loss;
  };
  const params = model.parameters();
  /** Parameters + their gradients + a momentum buffer per parameter. */
  const expected = () => bytesOf(params) * 3;
  /** Free everything the setup made, so no garbage of this test frees itself in a later one. */
  const dispose = () => {
    for (const p of params) {
      p.grad?.dispose();
      p.dispose();
    }
    for (const b of model.buffers()) b.dispose();
    for (const st of opt.state.values()) (st as { momentum_buffer?: Tensor }).momentum_buffer?.dispose();
    x.dispose();
    y.dispose();
  };
  return { model, opt, x, y, step, params, expected, dispose };
}

async function settle(gc: (() => void) | undefined): Promise<void> {
  if (!gc) return;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

export function runMemoryConformance(device: string, options: { countsBytes: boolean; gc?: () => void }): void {
  const allocated = () => torch.memory_allocated(device);

  describe(`memory ownership on ${device} (${options.gc ? "collector forced at checks" : "collector never forced"})`, () => {
    it("keeps what a scope returns, and its saved tensors until backward ran, with retain_graph twice", async () => {
      const run = async () => {
        const w = torch.tensor([1, 2, 3], { dtype: "float32", device, requires_grad: true });
        const before = allocated();
        const [loss, y] = torch.tidy(() => {
          const y = w.mul(2);
          return [y.exp().sum(), y.detach()];
        });
        const withGraph = allocated() - before;
        loss.backward(undefined, { retain_graph: true });
        const retained = allocated() - before;
        const first = (await w.grad!.tolist()) as number[];
        loss.backward(); // the saved exp output is still there
        const twice = (await w.grad!.tolist()) as number[];
        first.forEach((g, i) => expect(twice[i]).toBeCloseTo(2 * g, 2));
        expect(() => loss.backward()).toThrow(/backward through the graph a second time/);
        expect(await y.tolist()).toEqual([2, 4, 6]);
        const after = allocated() - before;
        for (const t of [loss, y, w.grad!, w]) t.dispose();
        return [withGraph, retained, after];
      };
      await settle(options.gc);
      await run(); // makes the constants (2, 1) the device caches
      const [withGraph, retained, after] = await run();
      if (options.countsBytes) {
        // loss (4 bytes), y (12), and exp's output (12), which only the graph holds …
        expect(withGraph).toBe(4 + 12 + 12);
        // … and still holds after a retain_graph backward, beside w.grad (12) …
        expect(retained).toBe(4 + 12 + 12 + 12);
        // … until the last backward frees it; the temporaries of both backwards are gone.
        expect(after).toBe(4 + 12 + 12);
      }
    });

    it("frees a step's temporaries, saved tensors and unread gradients without the garbage collector", async () => {
      await settle(options.gc);
      const { step, expected, params, dispose } = setup(device);
      const base = allocated() - bytesOf(params); // x, y and cached constants from earlier tests
      const marks: number[] = [];
      for (let i = 1; i <= 20; i++) {
        const loss = torch.tidy(step);
        expect(Number.isFinite(await loss.item())).toBe(true);
        loss.dispose();
        if (i === 2 || i === 20) marks.push(allocated()); // momentum first scales the buffer at step 2
      }
      if (options.countsBytes) {
        // Constants made by the first steps (learning rate, momentum) are cached for later ones.
        expect(marks[1]).toBe(marks[0]);
        const constants = marks[0]! - base - expected();
        expect(constants).toBeGreaterThanOrEqual(0);
        expect(constants).toBeLessThanOrEqual(64 * 4);
        await settle(options.gc);
        expect(allocated()).toBe(marks[1]);
      }
      dispose();
    });

    it("holds flat memory without the collector in a loop that disposes only the output and loss it holds", async () => {
      // The tensor layer frees everything else a step makes (activations, backward's temporaries,
      // last step's gradients, the optimizer's temporaries): only what reached this code can
      // wait for the collector, and V8 finalizes those only in a full collection.
      await settle(options.gc);
      const { model, opt, x, y, dispose } = setup(device);
      const lossFn = new torch.nn.CrossEntropyLoss();
      const step = async (): Promise<number> => {
        opt.zero_grad();
        const out = model(x);
        const loss = lossFn(out, y);
        loss.backward();
        opt.step();
        const value = await loss.item();
        out.dispose();
        loss.dispose();
        return value;
      };
      const losses: number[] = [];
      for (let i = 0; i < 2; i++) losses.push(await step()); // momentum buffers, cached constants
      const after2 = allocated();
      for (let i = 0; i < 20; i++) losses.push(await step());
      if (options.countsBytes) expect(allocated()).toBe(after2);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses.at(-1)!).toBeLessThan(losses[0]!); // it trained
      dispose();
    });

    it("keeps a gradient the user read when zero_grad clears it, and frees it otherwise", async () => {
      await settle(options.gc);
      const { step, opt, params, dispose } = setup(device);
      torch.tidy(step).dispose();
      const read = params[0]!.grad!; // handed to user code: it must survive zero_grad
      const expectedValues = await read.tolist();
      const before = allocated();
      opt.zero_grad();
      expect(await read.tolist()).toEqual(expectedValues);
      if (options.countsBytes) expect(before - allocated()).toBe(bytesOf(params) - bytesOf([read]));
      read.dispose();
      dispose();
    });

    it("keeps a gradient an optimizer holds in its state when zero_grad clears it", async () => {
      // An optimizer of the user's own that remembers the last gradient, read inside step().
      class RemembersGrad extends torch.optim.SGD {
        protected override _step_group(group: Parameters<torch.optim.SGD["_step_group"]>[0]): void {
          super._step_group(group);
          for (const p of group.params) (this._state_of(p) as Record<string, unknown>).last_grad = p.grad;
        }
      }
      const w = torch.tensor([1, 2], { dtype: "float32", device, requires_grad: true });
      const opt = new RemembersGrad([w], { lr: 0.1 });
      w.mul(3).sum().backward();
      opt.step();
      opt.zero_grad();
      const last = (opt.state.get(w) as unknown as Record<string, Tensor>).last_grad!;
      expect(await last.tolist()).toEqual([3, 3]);
      for (const t of [last, w]) t.dispose();
    });

    it("frees at once with dispose() and tidy(), and says so when a freed tensor is used", async () => {
      const run = async () => {
        const before = allocated();
        const a = torch.ones([64], { device });
        let other: Tensor | null = null;
        const kept = torch.tidy(() => {
          const t = a.mul(3);
          other = torch.keep(t.add(1).mul(2)); // survives the scope though not returned
          return t.sub(1);
        });
        expect(await other!.tolist()).toEqual(new Array(64).fill(8));
        expect(await kept.tolist()).toEqual(new Array(64).fill(2));
        const inScope = allocated() - before;
        a.dispose();
        const afterDispose = allocated() - before;
        kept.dispose();
        other!.dispose();
        return [inScope, afterDispose, a] as const;
      };
      await settle(options.gc);
      await run(); // makes the constants the device caches
      const [inScope, afterDispose, a] = await run();
      if (options.countsBytes) {
        expect(inScope).toBe(3 * 256); // a, the kept tensor and the result; t and t + 1 freed
        expect(afterDispose).toBe(2 * 256);
        expect(() => a.add(1)).toThrow(/disposed|freed/);
      }
      expect(() => torch.tidy((async () => a) as never)).toThrow(/tidy: fn returned a Promise/);
    });

    if (options.countsBytes)
      it("frees saved activations and gradients as backward goes, as PyTorch does", async () => {
        await settle(options.gc);
        const n = 256, bytes = 4 * n;
        torch.tidy(() => {
          torch.ones([1], { device }).mul(0.01); // caches the constant
        });
        const base = allocated();
        const x = torch.ones([n], { device, requires_grad: true });
        const loss = torch.tidy(() => {
          let y = x.mul(0.01);
          for (let i = 0; i < 8; i++) y = y.exp(); // each exp saves its output: 8 activations
          return y.sum();
        });
        const before = allocated(); // x, the 8 exp outputs (saved, graph-only), loss
        expect(before - base).toBe(bytes + 8 * bytes + 4);
        torch.reset_peak_memory_stats(device);
        loss.backward();
        // One gradient in flight at a time, beside the seed: not the 8 a walk holding
        // everything to its end would reach.
        expect(torch.max_memory_allocated(device) - before).toBeLessThanOrEqual(2 * bytes + 4);
        expect(allocated() - base).toBe(2 * bytes + 4); // x, x.grad, loss
        expect(((await x.grad!.tolist()) as number[])[0]).toBeGreaterThan(0);
        for (const t of [x.grad!, x, loss]) t.dispose();
      });

    if (options.countsBytes)
      it("reports the peak as max_memory_allocated and restarts it", () => {
        const work = () => {
          torch.ones([1000], { device }).add(1);
        };
        torch.tidy(work); // caches the constant 1
        torch.reset_peak_memory_stats(device);
        const start = allocated();
        expect(torch.max_memory_allocated(device)).toBe(start);
        torch.tidy(work);
        expect(allocated()).toBe(start);
        expect(torch.max_memory_allocated(device)).toBe(start + 2 * 4000);
      });
    it("keeps an intermediate the user holds readable after backward", async () => {
      const w = torch.tensor([[1, -2], [3, 4]], { dtype: "float32", device, requires_grad: true });
      const x = torch.tensor([[1, 1], [2, -1]], { dtype: "float32", device });
      const h = x.matmul(w); // saved by relu's backward, and held here
      const loss = torch.tidy(() => h.relu().pow(2).sum()); // its own temporaries freed by backward
      loss.backward();
      expect(await h.tolist()).toEqual([[4, 2], [-1, -8]]);
      expect(await loss.item()).toBe(20);
      expect(await x.tolist()).toEqual([[1, 1], [2, -1]]); // an input matmul saved
      expect(await w.grad!.tolist()).toEqual([[8, 4], [8, 4]]);
      for (const t of [h, loss, x, w.grad!, w]) t.dispose();
    });

    it("lets finalizers run at each awaited read, so a loop whose only await is a read frees collected steps", async () => {
      // Finalizers are tasks; gpu.js reads resolve at once, so without a task turn in the read a
      // training loop would never let them run, however often the collector did.
      if (!options.countsBytes) return;
      const t = torch.ones([4], { device });
      let turned = false;
      const scheduled = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate ?? ((f: () => void) => setTimeout(f, 0));
      scheduled(() => (turned = true));
      expect(await t.sum().item()).toBe(4);
      expect(turned).toBe(true);
      t.dispose();
    });

    // Last: its garbage is left to the collector.
    it("leaves only each step's returned output and loss to the garbage collector in a plain loop", async () => {
      await settle(options.gc);
      const { step, params, x, y } = setup(device);
      torch.tidy(step).dispose(); // constants of the step
      const base = allocated();
      let last: Tensor | null = null;
      for (let i = 0; i < 10; i++) last = step();
      expect(Number.isFinite(await last!.item())).toBe(true);
      if (options.countsBytes) {
        // The model's output [32, 3] and the loss of every step, nothing else, wait for the
        // collector; gradients replace gradients and the momentum is updated in place.
        const perStep = 32 * 3 * 4 + 4;
        expect(allocated() - base).toBeLessThanOrEqual(10 * perStep);
        expect(allocated() - base).toBeGreaterThanOrEqual(4); // at least the loss `last` holds
        if (options.gc) {
          await settle(options.gc);
          expect(allocated() - base).toBeLessThanOrEqual(perStep);
        }
      }
      expect(bytesOf(params)).toBeGreaterThan(0);
      expect(x.shape).toEqual([32, 8]);
      expect(y.shape).toEqual([32]);
    });

    it("forces a collection when the device memory waiting for the collector passes the threshold (Node)", async () => {
      // A user-written forward's intermediates are garbage only the collector finds, and V8 does
      // not count device memory: it would run no full collection for hundreds of steps (lesson 6
      // on gpu.js: ~8 GB of RSS after 150 steps). The tensor layer forces one instead.
      if (!options.countsBytes) return;
      await settle(options.gc);
      const THRESHOLD = 256 * 1024;
      const previous = collectionThreshold(THRESHOLD);
      try {
        const x = torch.randn([16384], { device }); // 64 KiB
        const base = allocated();
        const forced = forcedCollections().count;
        let peak = 0;
        for (let i = 0; i < 40; i++) {
          x.mul(2).add(1).relu(); // 3 x 64 KiB of garbage an iteration: 7.5 MiB over the loop
          peak = Math.max(peak, allocated() - base);
          await new Promise((r) => setTimeout(r, 0)); // the loop yields, as awaited reads do
        }
        expect(forcedCollections().count).toBeGreaterThan(forced);
        // What waits is bounded by the threshold plus a few iterations' garbage (the one running
        // when the collection ran was still reachable then, and the finalizers' task may come a
        // turn late: 9-12 x 64 KiB measured), not by the loop's 120 x 64 KiB.
        expect(peak).toBeLessThanOrEqual(THRESHOLD + 4 * 3 * 65536);
        x.dispose();
      } finally {
        collectionThreshold(previous);
      }
    });

    it("frees a CNN step's windows, index tables and activations: only its output and loss wait for the collector", async () => {
      await settle(options.gc);
      const nn = torch.nn;
      const cnn = () => ({
        model: new nn.Sequential(
          new nn.Conv2d(1, 4, 3, { padding: 1 }), new nn.BatchNorm2d(4), new nn.ReLU(), new nn.MaxPool2d(2),
          new nn.Conv2d(4, 6, 3, { padding_mode: "reflect", padding: 1 }), new nn.ReLU(), new nn.AvgPool2d(2),
          new nn.Upsample({ scale_factor: 2, mode: "bilinear" }), new nn.AdaptiveAvgPool2d(1), new nn.Flatten(), new nn.Linear(6, 3),
        ),
        x: torch.randn([8, 1, 8, 8]),
        y: torch.randint(0, 3, [8]),
      });
      const { step, dispose } = setup(device, cnn);
      for (let i = 0; i < 2; i++) torch.tidy(step).dispose(); // momentum buffers and constants
      const base = allocated();
      let last: Tensor | null = null;
      for (let i = 0; i < 6; i++) last = step();
      expect(Number.isFinite(await last!.item())).toBe(true);
      if (options.countsBytes) {
        const perStep = 8 * 3 * 4 + 4; // the model's output and the loss
        expect(allocated() - base).toBeLessThanOrEqual(6 * perStep);
        if (options.gc) {
          await settle(options.gc);
          expect(allocated() - base).toBeLessThanOrEqual(perStep);
        }
      }
      dispose();
    });

  });
}
