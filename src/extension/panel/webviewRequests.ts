// What the host does with a message from a panel's webview. The webview is untrusted content:
// it may only ask for the links and the previous release that the host itself put in its model.
import { isWebUrl, isWebviewMessage, WebviewMessageType, type PanelModel, type PanelReleaseKey } from '../../webview/protocol';

export type PanelRequest =
  | { kind: 'sendState' }
  | { kind: 'openExternal'; url: string }
  | { kind: 'openRelease'; key: PanelReleaseKey }
  | { kind: 'refresh' }
  | { kind: 'runFix' }
  | { kind: 'compareWith' };

/** The request a message stands for, or null when it is malformed or asks for more than allowed. */
export function panelRequestOf(message: unknown, model: PanelModel | null): PanelRequest | null {
  if (!isWebviewMessage(message)) return null;
  switch (message.type) {
    case WebviewMessageType.Ready:
      return { kind: 'sendState' };
    case WebviewMessageType.Refresh:
      return { kind: 'refresh' };
    case WebviewMessageType.RunFix:
      return model?.error ? { kind: 'runFix' } : null;
    case WebviewMessageType.OpenExternal: {
      const allowed = [model?.links.openInSentry, model?.links.previousReleaseInSentry];
      return isWebUrl(message.url) && allowed.includes(message.url) ? { kind: 'openExternal', url: message.url } : null;
    }
    case WebviewMessageType.CompareWith:
      return model?.health ? { kind: 'compareWith' } : null;
    case WebviewMessageType.SetEqualAge:
      return null; // the comparison view's, not a release panel's
    case WebviewMessageType.OpenRelease: {
      const previous = model?.health?.previousRelease ?? null;
      return model && previous !== null && message.release === previous ? { kind: 'openRelease', key: { ...model.key, release: previous } } : null;
    }
  }
}
