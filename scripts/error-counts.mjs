// Counts how errors are raised in the library's sources (docs/design.md, "Errors"): throw
// statements, inline ones (`throw new XError(...)` composing its message at the throw site),
// `check()` calls, and message texts written out in more than one place.
//   node scripts/error-counts.mjs            totals per package
//   node scripts/error-counts.mjs --dups     also list the duplicated texts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = new URL("..", import.meta.url).pathname;
// The library: what users and backends run. Conformance (test support) and plotting are left out.
const PACKAGES = ["tensor", "autograd", "backend-cpu", "backend-webgpu", "backend-gpujs", "scalar-math", "nn", "optim", "data", "flambeau"];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

/** A message's text with every interpolation written `${}`, so copies with other values match. */
function text(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => "${}" + s.literal.text).join("");
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return text(node.left) + text(node.right);
  if (ts.isParenthesizedExpression(node)) return text(node.expression);
  return "${}";
}

const isErrorClass = (e) => ts.isIdentifier(e) && /Error$/.test(e.text);
const totals = { throws: 0, inline: 0, checks: 0 };
const messages = new Map(); // text -> places
const perPackage = [];

for (const pkg of PACKAGES) {
  const counts = { pkg, throws: 0, inline: 0, checks: 0 };
  for (const file of files(join(root, "packages", pkg, "src"))) {
    const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    // `check` is errors.ts's only where the file defines it or imports it from tensor.
    const ownCheck =
      /errors\.ts$/.test(file) ||
      src.statements.some(
        (s) =>
          ts.isImportDeclaration(s) &&
          /errors\.js$|^@flambeau\/tensor/.test(s.moduleSpecifier.text) &&
          s.importClause?.namedBindings &&
          ts.isNamedImports(s.importClause.namedBindings) &&
          s.importClause.namedBindings.elements.some((e) => e.name.text === "check"),
      );
    const isCheck = (node) => ownCheck && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "check";
    const visit = (node) => {
      if (ts.isThrowStatement(node)) {
        counts.throws++;
        if (node.expression && ts.isNewExpression(node.expression) && isErrorClass(node.expression.expression)) counts.inline++;
      }
      if (isCheck(node)) counts.checks++;
      // A message is the first argument of `new XError(...)`, or what check()'s thunk returns.
      let message;
      if (ts.isNewExpression(node) && isErrorClass(node.expression) && node.arguments?.length) message = node.arguments[0];
      if (isCheck(node)) {
        const thunk = node.arguments[1];
        if (thunk && ts.isArrowFunction(thunk) && !ts.isBlock(thunk.body)) message = thunk.body;
      }
      if (message) {
        const t = text(message);
        if (t.replaceAll("${}", "").trim().length >= 8) {
          const at = `${relative(root, file)}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          messages.set(t, [...(messages.get(t) ?? []), at]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  for (const k of ["throws", "inline", "checks"]) totals[k] += counts[k];
  perPackage.push(counts);
}

const dups = [...messages].filter(([, at]) => at.length > 1);
// The same sentence behind another op's name ("to(): the 'x' device…" and "The 'x' device…").
const loose = new Map();
for (const [t, at] of messages) {
  const k = t.replace(/^(\$\{\}|[\w.]+)(\(\))?:\s*/, "").toLowerCase();
  loose.set(k, [...(loose.get(k) ?? []), ...at]);
}
const looseDups = [...loose].filter(([, at]) => at.length > 1);
console.table(perPackage);
console.log(
  `throw statements ${totals.throws}, inline (throw new XError) ${totals.inline}, check() calls ${totals.checks}; ` +
    `message texts written in more than one place: ${dups.length} (${dups.reduce((n, [, at]) => n + at.length, 0)} places); ` +
    `ignoring the op's name and case: ${looseDups.length} (${looseDups.reduce((n, [, at]) => n + at.length, 0)} places)`,
);
if (process.argv.includes("--dups")) for (const [t, at] of looseDups) console.log(`${at.length}x ${JSON.stringify(t)}\n    ${at.join("\n    ")}`);
