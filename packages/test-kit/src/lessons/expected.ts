// What the lessons show, shared by each lesson's own checks (apps/lesson*/test/checks.ts), the
// demo's test and the web app's test, so the three agree on one list.

/** The figures each lesson draws, in order, by its folder (lesson 2 draws none). */
export const LESSON_FIGURES: Readonly<Record<string, readonly string[]>> = {
  "lesson1-movie-revenue": [
    "estimated-revenue",
    "increased-estimated-revenue",
    "synthetic-movie-revenue",
    "estimated-line-of-best-fit",
    "comedy-show-attendance",
    "attendance-line-of-best-fit",
  ],
  "lesson3-simple-regression": ["data", "loss-per-iteration", "fitted-line"],
  "lesson4-nn-from-scratch": [
    "ground-truth",
    "bad-model",
    "optimize-by-hand",
    "optimize-by-hand-good-guess",
    "loss-over-time",
    "optimized-model",
  ],
  "lesson5-linear-regression-gpu": ["simple-linear-regression", "predictions"],
  "lesson6-digits": ["confusion-matrix", "misclassified"],
};

/** Lesson 1's `pprint.pprint(data)` of its small dataset, as the lesson shows it. */
export const SMALL_DATASET_PPRINT = [
  "{'true_b': 10,",
  " 'true_m': 1.5,",
  " 'x': array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),",
  " 'y': array([10.27132064, 11.02075195, 13.13364823, 14.74880388, 15.99850701,",
  "       17.22479665, 18.69806286, 20.76053071, 21.66911084, 23.08833981])}",
].join("\n");
