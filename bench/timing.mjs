/** Median wall time in ms of `fn` over `repeats` runs, after `warmup` untimed runs. */
export async function median(fn, { repeats = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Median wall time in ms of each of `fns`, timed in turns (one run of each per round, after
 * `warmup` untimed rounds), so a change in the machine's load shows in every contender's
 * figure alike instead of in whichever ran during it.
 */
export async function interleavedMedians(fns, { rounds = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times = fns.map(() => []);
  for (let r = 0; r < rounds; r++)
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      times[i].push(performance.now() - t0);
    }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}
