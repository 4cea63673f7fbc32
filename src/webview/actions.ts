// Buttons that ask the host to do something. They carry data-action attributes read by one
// delegated click listener in main.ts: no inline handlers, which the CSP would block anyway.
import { h, type Attrs, type VElement } from './vnode';

export type PanelAction = 'open-external' | 'open-release' | 'refresh' | 'run-fix' | 'compare-with' | 'toggle-equal-age';

export function actionButton(action: PanelAction, label: string, attrs: Attrs = {}): VElement {
  return h('button', { type: 'button', ...attrs, 'data-action': action }, label);
}

export function externalLink(url: string, label: string, attrs: Attrs = {}): VElement {
  return actionButton('open-external', label, { class: 'link', title: url, ...attrs, 'data-url': url });
}
