// #region setup: the port's header and imports
/**
 * Lesson 1, `000_ce0fab5ca2992579.txt` — "From Linear Regression to Deep Learning": predicting
 * movie revenue from movie budget. Ported cell by cell; `In [n]` comments name the notebook's
 * cells and the lesson's own comments are kept.
 */
import * as torch from "flambeau";
import { plotly } from "@flambeau/plotting";
import type { Lesson, LessonContext } from "@flambeau/lesson-kit";
// #endregion

const optim = torch.optim;
const np = torch.np;

// In [1]: the lesson defines these Plotly helpers itself; @flambeau/plotting has them, with the
// same names and arguments (keyword arguments in a trailing object).
const { trace_values, m_b_data, m_b_trace, layout, plot } = plotly;

// #region setup: the results the tests check, the seed, the lesson's name and source, its entry point
/** What lesson 1 computes: the tests assert these. */
export interface Lesson1Results {
  /** The docstring example `m_b_data(1.5, 20, [0, 50, 100])`. */
  m_b_data_example: { x: number[]; y: number[] };
  /** `generate_synthetic_movie_revenue_dataset(10, 1.5, 10, 0.5)['y']`. */
  small_dataset_y: number[];
  /** The trained `m`, `b` (`m_values[-1]`, `b_values[-1]`) and the last loss (`losses[-1]`). */
  m: number;
  b: number;
  loss: number;
  /** The loss of every epoch. */
  losses: number[];
  /** In [12]: the rounded predictions at budgets 1 and 60. */
  predictions: { budget_1: number; budget_60: number };
  /** The challenge: the comedy dataset and the worked `attendance` model. */
  comedy: { x: number[]; y: number[]; m: number; b: number; loss: number };
}

/** The lesson draws `torch.randn` without a seed; this seed makes every run the same. */
const DEFAULT_SEED = 0;

/** Lesson 1: from linear regression to deep learning. */
export const lesson: Lesson<Lesson1Results> = {
  id: 1,
  slug: "lesson1-movie-revenue",
  title: "From linear regression to deep learning (movie budget → revenue)",
  source: {
    file: "000_ce0fab5ca2992579.txt",
    title: "From Linear Regression to Deep Learning",
    url: "https://github.com/BreakoutMentors/Data-Science-and-Machine-Learning/blob/main/machine_learning/lesson%201%20-%20linear%20regression/examples/From_Linear_Regression_to_Deep_Learning.ipynb",
  },
  run,
};

async function run(ctx: LessonContext): Promise<Lesson1Results> {
  const { print, pprint } = ctx;
  torch.manual_seed(ctx.options.seed ?? DEFAULT_SEED);
  // #endregion

  // In [1] — m_b_data's docstring example: given m=1.5, b=20, x_values=[0, 50, 100] it returns
  // {'x': [0, 50, 100], 'y': [20.0, 95.0, 170.0]}.
  const m_b_data_example = m_b_data(1.5, 20, [0, 50, 100]);
  print(m_b_data_example);

  // ## Making money: predicting movie revenue from movie budget
  // ### Representing linear regression graphically
  // In [2]:
  let movie_budgets = [0, 25, 50, 75]; // x
  let movie_revenues = [0, 50, 100, 150]; // y
  let regression_trace = trace_values(movie_budgets, movie_revenues, { mode: "lines", name: "estimated revenue" });
  let movie_layout = layout({ options: { title: "Movie Budget and Revenue (in millions)" } });
  await ctx.figure("estimated-revenue", plot([regression_trace], movie_layout));

  // ### First guess
  // In [3]:
  /** A function f(x) = x to compute movie revenue (y) based on movie budget (x). */
  let f = (x: number): number => x;

  print(`When movie budget is $0, the expected movie revenue is $${f(0)} (in millions).`);
  print(`When movie budget is $25, the expected movie revenue is $${f(25)} (in millions).`);

  // ### A better guess: Matching lines to functions
  // In [4]: an exercise in the lesson (its output shows `$None`); the answer, y = 2x:
  /** A function f(x) = 2x to compute movie revenue (y) based on movie budget (x). */
  f = (x) => 2 * x;

  print(`When movie budget is $0, the expected movie revenue is $${f(0)} (in millions).`); // Output should be $0
  print(`When movie budget is $25, the expected movie revenue is $${f(25)} (in millions).`); // Output should be $50

  // ### The y-intercept
  // In [5]:
  movie_budgets = [0, 25, 50, 75]; // our x values
  movie_revenues = [50, 100, 150, 200]; // our y values
  const regression_trace_increased = trace_values(movie_budgets, movie_revenues, { mode: "lines", name: "increased estimated revenue" });
  movie_layout = layout({ options: { title: "Movie Budget and Revenue (in millions)" } });
  await ctx.figure("increased-estimated-revenue", plot([regression_trace_increased, regression_trace], movie_layout));

  // In [6]: an exercise again (`$None` in the lesson); the answer, y = 2x + 50:
  /** A function f(x) = 2x + 50 million that returns expected movie revenue (y) based on movie budget (x). */
  f = (x) => 2 * x + 50;

  print(`When movie budget is $0, the expected movie revenue is $${f(0)} (in millions).`); // Output should be $50
  print(`When movie budget is $25, the expected movie revenue is $${f(25)} (in millions).`); // Output should be $100

  // ## Coding linear regression
  // ### Describing the dataset
  // In [7]:
  /**
   * Generates a synthetic movie revenue vs budget dataset and returns a dictionary with the x
   * values, the y values, the true slope and the true y-intercept of our data.
   */
  function generate_synthetic_movie_revenue_dataset(n = 50, true_m = 1.5, true_b = 10, random_noise = 1.0) {
    // Setting seed to get the same random results
    np.random.seed(10);
    // generate the list of numbers between 0 and n for x values (budget)
    const x = Int32Array.from({ length: n }, (_, i) => i); // np.arange(n)

    // generate the list of y values (revenue) corresponding to each x value (budget)
    const y: number[] = [];
    for (const xi of x) {
      const noise = np.random.uniform(-random_noise, random_noise);
      // the "true" function of our data
      const yi = true_m * xi + true_b + noise;
      y.push(yi);
    }
    return { x, y: Float64Array.from(y), true_m, true_b }; // np.array(y)
  }

  const small_ds = generate_synthetic_movie_revenue_dataset(10, 1.5, 10, 0.5);
  pprint(small_ds);

  // In [8]: generate a larger dataset with 1500 movie budget and revenue samples and plot it
  const movies_ds = generate_synthetic_movie_revenue_dataset(100, 1.5, 10, 10);
  regression_trace = trace_values(movies_ds.x, movies_ds.y, { mode: "markers", name: "synthetic movie revenue vs budget data" });
  const movies_layout = layout({ options: { title: "A scatter plot of our synthetic movie revenue vs budget data (in millions)" } });
  await ctx.figure("synthetic-movie-revenue", plot([regression_trace], movies_layout));

  // ### Define the function (model)
  // In [9]: First we define the trainable parameters m and b
  let m = torch.randn(1, { requires_grad: true }); // requires_grad means it is trainable
  let b = torch.randn(1, { requires_grad: true });

  // Then we define the prediction model
  const model = (x: torch.Tensor) => m.mul(x).add(b);

  // ### Define the loss function
  // In [10]:
  const loss = (y_predicted: torch.Tensor, y_target: torch.Tensor) => y_predicted.sub(y_target).pow(2).sum();

  // ### Putting it all together
  // In [11]: First we define the trainable parameters m and b
  m = torch.randn(1, { requires_grad: true }); // requires_grad means it is trainable
  b = torch.randn(1, { requires_grad: true });

  // Then we define the prediction model (`model` above reads the new m and b), and the loss
  // function (`loss` above).

  // Next setup the optimizer object, so it optimizes m and b.
  const optimizer = new optim.Adam([m, b], { lr: 0.2 });

  // Finally convert the dataset to PyTorch Tensors
  const x = torch.tensor(movies_ds.x, { dtype: torch.float });
  const y = torch.tensor(movies_ds.y, { dtype: torch.float });

  // Main optimization loop
  const losses: number[] = [];
  const m_values: number[] = [];
  const b_values: number[] = [];
  const bar = ctx.progress(3000, "movies");
  for (let e = 1; e < 3001; e++) {
    // Set the gradients to 0.
    optimizer.zero_grad();
    // Compute the current predicted y's from x_dataset
    const y_predicted = model(x); // this is our f(x) function
    // See how far off the prediction is
    const current_loss = loss(y_predicted, y);
    // Compute the gradient of the loss with respect to a and b.
    current_loss.backward();
    // Update a and b accordingly.
    optimizer.step();

    losses.push(await current_loss.item());
    m_values.push(await m.item());
    b_values.push(await b.item());
    await bar.tick(losses.at(-1));
    if (e % 100 === 0) {
      // print and plot the model's estimated line of best fit for the data
      print(`e = ${e}, loss = ${losses.at(-1)}, m = ${m_values.at(-1)}, b = ${b_values.at(-1)}`);
    }
  }
  bar.done();

  const est_best_fit_line = m_b_trace(m_values.at(-1)!, b_values.at(-1)!, Array.from(movies_ds.x));
  const est_best_fit_trace = trace_values(est_best_fit_line.x, est_best_fit_line.y, { mode: "lines", name: "estimated line of best fit" });
  await ctx.figure("estimated-line-of-best-fit", plot([regression_trace, est_best_fit_trace], movies_layout));

  // ### Time to make predictions
  // In [12]: ### Using the trained model to make predictions ###
  const round2 = (v: number) => Math.round(v * 100) / 100; // round(v, 2)
  const budget_1 = round2(await model(torch.tensor([1], { dtype: torch.float })).item());
  const budget_60 = round2(await model(torch.tensor([60], { dtype: torch.float })).item());
  print(`Predicts revenue when budget is 1 (in millions): $${budget_1}`);
  print(`Predicts revenue when budget is 60 (in millions): $${budget_60}`);

  // ## Challenge: Single Variable Regression
  // In [13]:
  /** The comedy show's dataset: as the movies', but without re-seeding, so NumPy's stream goes on. */
  function generate_synthetic_comedy_dataset(n = 50, true_m = 1.5, true_b = 10, random_noise = 1.0) {
    // generate the list of numbers between 0 and n for x values (budget)
    const x = Int32Array.from({ length: n }, (_, i) => i); // np.arange(n)

    // generate the list of y values (revenue) corresponding to each x value (budget)
    const y: number[] = [];
    for (const xi of x) {
      const noise = np.random.uniform(-random_noise, random_noise);
      // the "true" function of our data
      const yi = true_m * xi + true_b + noise;
      y.push(yi);
    }
    return { x, y: Float64Array.from(y), true_m, true_b };
  }

  const comedy_ds = generate_synthetic_comedy_dataset(100, 1.5, 20, 10);

  // In [14]: plot the comedy dataset to see if the data looks approximately linear
  regression_trace = trace_values(comedy_ds.x, comedy_ds.y, { mode: "markers", name: "school comedy show attendance vs budget" });
  const comedy_layout = layout({ options: { title: "School comedy show attendance vs budget" } });
  await ctx.figure("comedy-show-attendance", plot([regression_trace], comedy_layout));

  // In [15]: the lesson leaves `attendance` as an exercise ("it's similar to the linear
  // regression code we wrote earlier"). The worked answer: the same model, loss and optimizer.
  const attendance_m = torch.randn(1, { requires_grad: true });
  const attendance_b = torch.randn(1, { requires_grad: true });
  /** The expected show attendance based on money spent advertising in the school newspaper. */
  const attendance = (x: torch.Tensor) => attendance_m.mul(x).add(attendance_b);

  const comedy_optimizer = new optim.Adam([attendance_m, attendance_b], { lr: 0.2 });
  const comedy_x = torch.tensor(comedy_ds.x, { dtype: torch.float });
  const comedy_y = torch.tensor(comedy_ds.y, { dtype: torch.float });
  let comedy_loss = 0;
  const comedy_bar = ctx.progress(3000, "comedy");
  for (let e = 1; e < 3001; e++) {
    comedy_optimizer.zero_grad();
    const current_loss = loss(attendance(comedy_x), comedy_y);
    current_loss.backward();
    comedy_optimizer.step();
    comedy_loss = await current_loss.item();
    await comedy_bar.tick(comedy_loss);
  }
  comedy_bar.done();
  const [m_att, b_att] = [await attendance_m.item(), await attendance_b.item()];
  print(`attendance: loss = ${comedy_loss}, m = ${m_att}, b = ${b_att}`);
  print(`The newspaper said m = ${comedy_ds.true_m} (three students per two dollars), b = ${comedy_ds.true_b} (friends who come anyway).`);

  const attendance_line = m_b_trace(m_att, b_att, Array.from(comedy_ds.x), { name: "attendance line of best fit" });
  await ctx.figure("attendance-line-of-best-fit", plot([regression_trace, attendance_line], comedy_layout));

  return {
    m_b_data_example,
    small_dataset_y: Array.from(small_ds.y),
    m: m_values.at(-1)!,
    b: b_values.at(-1)!,
    loss: losses.at(-1)!,
    losses,
    predictions: { budget_1, budget_60 },
    comedy: { x: Array.from(comedy_ds.x), y: Array.from(comedy_ds.y), m: m_att, b: b_att, loss: comedy_loss },
  };
}
