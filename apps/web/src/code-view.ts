/**
 * A lesson's port, shown as code: line numbers, and its comments — the lesson's own cells and
 * notes — set apart from the code so the lesson reads beside it. Built from text nodes (no HTML
 * from the source reaches the page).
 */

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
 *
 * @example
 * ```ts
 * document.body.append(codeView("const x = 1; // one"));
 * ```
 */
export function codeView(source: string): HTMLPreElement {
  const pre = document.createElement("pre");
  pre.className = "code-view";
  let line = newLine(pre, 1);
  for (const token of tokenize(source.replace(/\n$/, ""))) {
    // A token may span lines (a doc comment): each line gets its own piece.
    token.text.split("\n").forEach((piece, k) => {
      if (k > 0) line = newLine(pre, pre.childElementCount + 1);
      if (!piece) return;
      if (!token.kind) return void line.append(piece);
      const span = line.appendChild(document.createElement("span"));
      span.className = `tok-${token.kind}`;
      span.textContent = piece;
    });
  }
  return pre;
}

function newLine(pre: HTMLPreElement, n: number): HTMLElement {
  const line = pre.appendChild(document.createElement("span"));
  line.className = "line";
  line.dataset.n = String(n);
  return line;
}
