// Turns the virtual tree into real DOM. Only createElement, createTextNode, setAttribute and
// CSSOM style are used: no innerHTML, so release names and notes can never become markup.
import type { VNode } from './vnode';

/** Attribute names the tree may carry; event handlers and `style` strings are refused (CSP and XSS). */
export function isSafeAttributeName(name: string): boolean {
  return /^[a-z][a-z0-9-]*$/i.test(name) && !/^on/i.test(name) && name.toLowerCase() !== 'style';
}

export function toDom(doc: Document, node: VNode): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (isSafeAttributeName(name)) el.setAttribute(name, value);
  }
  for (const [prop, value] of Object.entries(node.style)) el.style.setProperty(prop, value);
  for (const child of node.children) el.appendChild(toDom(doc, child));
  return el;
}

/** Replaces a container's content with the tree (updates in place: the page is never reloaded). */
export function mountInto(container: Element, node: VNode): void {
  container.replaceChildren(toDom(container.ownerDocument, node));
}
