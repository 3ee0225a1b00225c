/** Building elements tersely: `el("p", { className: "note" }, "text", child)`. */

/**
 * A new `tag` element with `props` assigned and `children` appended (strings become text).
 *
 * @example
 * ```ts
 * el("a", { href: "#/lesson/1" }, "Lesson 1");
 * ```
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: (string | Node)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}
