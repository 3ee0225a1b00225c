import { describe, expect, it } from "vitest";
import { plotly } from "../src/index.js";
import { marks, parseSVG, pathRuns, texts } from "./helpers/svg.js";

const { trace, trace_values, m_b_trace, layout, plot } = plotly;

describe("plotly helpers (lesson 1)", () => {
  it("build traces as the lesson's functions do", () => {
    expect(trace([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toEqual({ x: [1, 3], y: [2, 4], mode: "markers", name: "data", text: [] });
    expect(trace([1, 2], [3, 4], { mode: "lines", name: "n" })).toMatchObject({ x: [1, 2], y: [3, 4], mode: "lines", name: "n" });
    expect(trace_values([0, 25], [0, 50], "lines", "estimated revenue")).toMatchObject({ mode: "lines", name: "estimated revenue" });
    expect(m_b_trace(1.5, 20, [0, 50, 100])).toEqual({ mode: "lines", name: "line function", x: [0, 50, 100], y: [20, 95, 170], text: [] });
    expect(() => trace_values([1], [1], { mode: "bars" as never })).toThrow("unknown mode 'bars'");
  });

  it("layout takes the lesson's x_range, y_range and options", () => {
    expect(layout({ x_range: [0, 100], options: { title: "T" } })).toEqual({ title: "T", xaxis: { range: [0, 100] } });
    expect(layout({ y_range: [0, 5], options: { yaxis: { title: "y" } } })).toEqual({ yaxis: { range: [0, 5], title: "y" } });
    expect(layout({ title: { text: "T" }, xaxis: { title: "budget" } })).toEqual({ title: { text: "T" }, xaxis: { title: "budget" } });
  });

  it("plots the two revenue lines with a title and a legend of their names", async () => {
    const movie_budgets = [0, 25, 50, 75];
    const regression_trace = trace_values(movie_budgets, [0, 50, 100, 150], { mode: "lines", name: "estimated revenue" });
    const increased = trace_values(movie_budgets, [50, 100, 150, 200], { mode: "lines", name: "increased estimated revenue" });
    const movie_layout = layout({ options: { title: "Movie Budget and Revenue (in millions)" } });
    const fig = plot([increased, regression_trace], movie_layout);
    const svg = parseSVG(await fig.toSVG());
    expect(svg.getAttribute("width")).toBe("700");
    expect(texts(svg, "title-text")).toEqual(["Movie Budget and Revenue (in millions)"]);
    const lines = marks(svg, "line mark");
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => pathRuns(l.getAttribute("d")!).vertices)).toEqual([4, 4]);
    expect(texts(svg, "legend-label")).toEqual(["increased estimated revenue", "estimated revenue"]);
  });

  it("plots a scatter and a best-fit line, with axis titles and ranges", async () => {
    const xs = [1, 2, 3, 4, 5];
    const data = trace_values(xs, [2, 4, 5, 4, 6], { mode: "markers", name: "data" });
    const line = m_b_trace(1, 1, xs, { name: "estimated line of best fit" });
    const fig = plot([data, line], layout({ title: "fit", xaxis: { title: "budget", range: [0, 6] }, yaxis: { title: "revenue" } }));
    const svg = parseSVG(await fig.toSVG());
    expect(marks(svg, "point")).toHaveLength(5);
    expect(marks(svg, "line mark")).toHaveLength(1);
    expect(texts(svg, "axis-title")).toEqual(["budget", "revenue"]);
    expect(texts(svg, "legend-label")).toEqual(["data", "estimated line of best fit"]);
  });

  it("shows no legend for a single trace, as Plotly does", async () => {
    const svg = parseSVG(await plot([trace_values([1, 2], [3, 4])]).toSVG());
    expect(texts(svg, "legend-label")).toEqual([]);
  });

  it("insists on a list of traces, as the lesson's plot does", () => {
    expect(() => plot(trace_values([1], [1]) as never)).toThrow("plot: first argument must be a list of traces");
  });
});
