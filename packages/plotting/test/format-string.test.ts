import { describe, expect, it } from "vitest";
import { parseFormatString } from "../src/index.js";

describe("parseFormatString", () => {
  it.each([
    ["go", { linestyle: "None", marker: "o", color: "#008000" }],
    ["r--", { linestyle: "--", color: "#ff0000" }],
    ["--", { linestyle: "--" }],
    ["b-", { linestyle: "-", color: "#0000ff" }],
    ["k:", { linestyle: ":", color: "#000000" }],
    ["ro-", { linestyle: "-", marker: "o", color: "#ff0000" }],
    ["-.", { linestyle: "-." }],
    ["o", { linestyle: "None", marker: "o" }],
    ["^g--", { linestyle: "--", marker: "^", color: "#008000" }],
    ["C1x", { linestyle: "None", marker: "x", color: "#ff7f0e" }],
    ["r", { linestyle: "-", color: "#ff0000" }],
    ["red", { linestyle: "-", color: "red" }],
    ["C3", { linestyle: "-", color: "#d62728" }],
    ["tab:blue", { linestyle: "-", color: "#1f77b4" }],
    ["#123abc", { linestyle: "-", color: "#123abc" }],
    ["", { linestyle: "-" }],
  ])("%j", (fmt, expected) => {
    expect(parseFormatString(fmt)).toEqual(expected);
  });

  it.each([
    ["gz", /illegal format string 'gz': 'z' is not a colour/],
    ["rg", /two colours/],
    ["o^", /two markers/],
    ["--:", /two line styles/],
    ["Q", /'Q' is not a colour/],
  ])("rejects %j", (fmt, message) => {
    expect(() => parseFormatString(fmt)).toThrow(message);
  });
});
