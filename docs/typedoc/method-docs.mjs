// A TypeDoc plugin: Tensor's methods are the `torch.*` functions of the same name with the
// tensor as first argument (packages/tensor/src/methods.ts), so a method without a comment of
// its own gets the function's, under a line saying so; an in-place method (`add_`) gets its
// out-of-place form's. The docs then say everything once, in the function's comment, and a
// method with neither comment nor namesake is still reported by TypeDoc's `notDocumented`.
import { Converter, ReflectionKind } from "typedoc";

const text = (t) => ({ kind: "text", text: t });
const code = (t) => ({ kind: "code", text: `\`${t}\`` });

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    const functions = new Map();
    // The public ops are functions, or constants made by `keywords(...)` (signatures.ts).
    for (const fn of project.getReflectionsByKind(ReflectionKind.Function | ReflectionKind.Variable)) {
      const comment = fn.comment ?? fn.signatures?.find((s) => s.comment)?.comment;
      // Functions of a namespace (nn.functional.relu) are not the tensor method's namesake.
      if (comment && fn.parent?.kindOf(ReflectionKind.Module | ReflectionKind.Project) && !functions.has(fn.name)) functions.set(fn.name, comment);
    }
    for (const cls of project.getReflectionsByKind(ReflectionKind.Class)) {
      if (cls.name !== "Tensor") continue;
      for (const method of cls.children ?? []) {
        if (!method.kindOf(ReflectionKind.Method) || method.comment) continue;
        const inPlace = method.name.endsWith("_") && !method.name.startsWith("_");
        const base = inPlace ? method.name.slice(0, -1) : method.name;
        // fill_, copy_, normal_ … are functions of their own; add_ is add's in-place form.
        const own = functions.get(method.name);
        const source = own ?? functions.get(base) ?? (inPlace ? documentedMethod(cls, base) : undefined);
        if (!source) continue;
        const lead = inPlace && !own
          ? [text("In-place form of "), code(`${base}`), text(": writes the result into this tensor and returns it.")]
          : [text("The method form of "), code(`torch.${base}`), text(", with this tensor as its first argument.")];
        for (const sig of method.signatures ?? []) {
          if (sig.comment) continue;
          const comment = source.clone();
          comment.summary = [...lead, text("\n\n"), ...comment.summary];
          sig.comment = comment;
        }
      }
    }
  });
}

function documentedMethod(cls, name) {
  const m = cls.children?.find((c) => c.name === name);
  return m?.signatures?.find((s) => s.comment)?.comment ?? m?.comment;
}
