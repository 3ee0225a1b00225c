/**
 * Kernel descriptors (`{ key, source }`, shaders/*.ts), memoized on their arguments: op names,
 * dtypes, flags and constant tilings. Building one, its key string included, cost ~1.5 µs per
 * dispatch, more than any other JavaScript step of a small op; a chain of Map lookups on the
 * same arguments costs a tenth of it, and the key, now the same string each time, hashes once.
 */
type Arg = string | number | boolean | object;

export function memoize<A extends Arg[], R>(fn: (...args: A) => R): (...args: A) => R {
  const root = new Map<Arg, unknown>();
  return (...args: A): R => {
    // Every call of one function passes the same number of arguments, so levels never mix.
    let level = root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(args[i]!) as Map<Arg, unknown> | undefined;
      if (next === undefined) level.set(args[i]!, (next = new Map()));
      level = next;
    }
    let result = level.get(args[last]!) as R | undefined;
    if (result === undefined) level.set(args[last]!, (result = fn(...args)));
    return result;
  };
}
