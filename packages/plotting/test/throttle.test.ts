import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameThrottle } from "../src/throttle.js";

describe("FrameThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("serves a burst of requests with one redraw, then waits the interval", async () => {
    const draw = vi.fn(async () => {});
    const t = new FrameThrottle(draw, 250);
    for (let i = 0; i < 1000; i++) t.request();
    await vi.advanceTimersByTimeAsync(20);
    expect(draw).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 1000; i++) t.request();
    await vi.advanceTimersByTimeAsync(100);
    expect(draw).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it("redraws at most four times a second under a steady stream", async () => {
    const draw = vi.fn(async () => {});
    const t = new FrameThrottle(draw, 250);
    for (let ms = 0; ms < 2000; ms++) {
      t.request();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(draw.mock.calls.length).toBeGreaterThanOrEqual(7);
    expect(draw.mock.calls.length).toBeLessThanOrEqual(9);
  });

  it("draws now and cancels the scheduled redraw, so no second schedule runs beside it", async () => {
    const draw = vi.fn(async () => {});
    const t = new FrameThrottle(draw, 250);
    t.request();
    await t.flush();
    expect(draw).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(draw).toHaveBeenCalledTimes(1);
    for (let ms = 0; ms < 1000; ms++) {
      t.request();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(draw.mock.calls.length).toBeLessThanOrEqual(1 + 5);
  });
});
