// A tiny virtual node tree: the panel's render functions are pure and return these, so tests
// can run them in Node and `dom.ts` is the one place that touches the real DOM. Text is always a
// separate `string` child, never markup, which is what makes every value render as text.

export interface VElement {
  tag: string;
  /** Plain attributes (class, data-*, aria-*, type, title). Never event handlers or `style`. */
  attrs: Record<string, string>;
  /** Inline style properties, applied through CSSOM (`el.style.setProperty`), which CSP allows. */
  style: Record<string, string>;
  children: VNode[];
}

export type VNode = VElement | string;

export type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = VNode | null | undefined | false | Child[];

/** Builds an element; `null`/`false`/`undefined` attributes and children are left out. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): VElement {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    clean[name] = value === true ? '' : String(value);
  }
  return { tag, attrs: clean, style: {}, children: flatten(children) };
}

/** The same element with inline style properties (e.g. a bar segment's flex-grow). */
export function withStyle(el: VElement, style: Record<string, string>): VElement {
  return { ...el, style: { ...el.style, ...style } };
}

function flatten(children: Child[]): VNode[] {
  const out: VNode[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) out.push(...flatten(c));
    else out.push(c);
  }
  return out;
}

/** All text of a tree, in order (tests and accessible labels). */
export function textOf(node: VNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** Depth-first search for elements matching a predicate. */
export function findAll(node: VNode, match: (el: VElement) => boolean): VElement[] {
  if (typeof node === 'string') return [];
  const found = match(node) ? [node] : [];
  for (const c of node.children) found.push(...findAll(c, match));
  return found;
}
