/**
 * A lesson's port, shown as code: line numbers, and its comments — the lesson's own cells and
 * notes — set apart from the code so the lesson reads beside it, its setup folded away. Built
 * from text nodes (no HTML from the source reaches the page).
 */
import { setupFolds } from "./code-folds.js";

// Comments, strings (template literals included) and keywords, in that order of precedence.
const TOKENS = new RegExp(
  [
    String.raw`(?<comment>\/\*[\s\S]*?\*\/|\/\/[^\n]*)`,
    String.raw`(?<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|` + "`(?:\\\\.|[^`\\\\])*`)",
    String.raw`(?<keyword>\b(?:async|await|class|const|else|export|extends|for|function|if|import|interface|let|new|of|return|type|from|this|super|throw|try|catch)\b)`,
    String.raw`(?<number>\b\d[\d_]*(?:\.\d+)?(?:e-?\d+)?\b)`,
  ].join("|"),
  "g",
);

/** One token of the source: its class (`comment`, `string`, `keyword`, `number`) or plain code. */
interface Token {
  kind: string | null;
  text: string;
}

function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const m of source.matchAll(TOKENS)) {
    if (m.index > at) out.push({ kind: null, text: source.slice(at, m.index) });
    const kind = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? null;
    out.push({ kind, text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < source.length) out.push({ kind: null, text: source.slice(at) });
  return out;
}

/**
 * `source` as a `<pre>` of numbered lines with its tokens in classed `<span>`s (`tok-comment`, …).
 * Its setup regions ({@link setupFolds}) are folded behind a button that opens them; the line
 * numbers stay the file's.
 *
 * @example
 * ```ts
 * document.body.append(codeView("const x = 1; // one"));
 * ```
 */
export function codeView(source: string): HTMLPreElement {
  const pre = document.createElement("pre");
  pre.className = "code-view";
  const lines = [newLine(1)];
  for (const token of tokenize(source.replace(/\n$/, ""))) {
    // A token may span lines (a doc comment): each line gets its own piece.
    token.text.split("\n").forEach((piece, k) => {
      if (k > 0) lines.push(newLine(lines.length + 1));
      if (!piece) return;
      const line = lines.at(-1)!;
      if (!token.kind) return void line.append(piece);
      const span = line.appendChild(document.createElement("span"));
      span.className = `tok-${token.kind}`;
      span.textContent = piece;
    });
  }
  pre.append(...lines);
  for (const fold of setupFolds(source)) foldLines(lines.slice(fold.first, fold.last + 1), fold.label);
  return pre;
}

// Hides `lines` behind a button before them that shows them again (and hides them on a second click).
function foldLines(lines: HTMLElement[], label: string): void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "fold";
  const show = (open: boolean) => {
    for (const line of lines) line.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = `${open ? "▾" : "▸"} setup: ${label} (lines ${lines[0]!.dataset.n}–${lines.at(-1)!.dataset.n})`;
  };
  button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
  show(false);
  lines[0]!.before(button);
}

function newLine(n: number): HTMLElement {
  const line = document.createElement("span");
  line.className = "line";
  line.dataset.n = String(n);
  return line;
}
