// The element that carries one figure. End-to-end tests read figures through these attributes,
// so each ReleaseHealth field name appears in at most one `data-figure` per panel.
import type { ReleaseHealth } from '../health/types';
import { h, type Attrs, type VElement } from './vnode';

export type FigureName = keyof ReleaseHealth;

/** The raw value for `data-value`: full-precision JSON, "null" for no value. */
export function rawValue(v: unknown): string {
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** A formatted value with its raw value beside it: `data-figure` names the field, `data-value` is JSON. */
export function figure(name: FigureName, raw: unknown, text: string, attrs: Attrs = {}): VElement {
  return h('span', { ...attrs, 'data-figure': name, 'data-value': rawValue(raw) }, text);
}

/** A second showing of a figure already tagged elsewhere (e.g. a table's total row). */
export function figureCopy(name: FigureName, raw: unknown, text: string, attrs: Attrs = {}): VElement {
  return h('span', { ...attrs, 'data-copy-of': name, 'data-value': rawValue(raw) }, text);
}
