/**
 * The setup regions of a lesson's port: its header and imports, the results type the tests
 * check, its seed and entry point — plumbing a learner need not read first. Each lesson.ts marks
 * them with `// #region setup: <what it holds>` … `// #endregion` (editors fold the same regions);
 * the code view folds them, keeping every line and its number.
 */

/** One folded region: 0-based first and last line (its marker lines included), and its label. */
export interface Fold {
  first: number;
  last: number;
  label: string;
}

const START = /^\s*\/\/ #region setup: (.+)$/;
const END = /^\s*\/\/ #endregion\b/;

/**
 * The setup regions of `source`, in order. A region left open or opened inside another is an
 * error: the page must never hide lesson code by a stray marker.
 *
 * @example
 * ```ts
 * setupFolds("// #region setup: imports\nimport * as torch from 'flambeau';\n// #endregion\nprint(1)");
 * // [{ first: 0, last: 2, label: "imports" }]
 * ```
 */
export function setupFolds(source: string): Fold[] {
  const folds: Fold[] = [];
  let open: { first: number; label: string } | null = null;
  source.split("\n").forEach((line, n) => {
    const start = START.exec(line);
    if (start) {
      if (open) throw new Error(`line ${n + 1}: a setup region opens inside the one opened on line ${open.first + 1}`);
      open = { first: n, label: start[1]!.trim() };
    } else if (END.test(line) && open) {
      folds.push({ ...open, last: n });
      open = null;
    }
  });
  if (open) throw new Error(`line ${(open as { first: number }).first + 1}: a setup region is never closed with // #endregion`);
  return folds;
}
