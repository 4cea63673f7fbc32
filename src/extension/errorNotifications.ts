// Turns store errors into (at most one) notification: only new errors, never quiet ones (e.g.
// "not signed in" after Sign Out); the view's message node shows every error regardless.
import type { Notifier } from './notifier';
import type { ReleaseHealthStoreReader } from './store/storeTypes';

export function notifyStoreErrors(store: ReleaseHealthStoreReader, notifier: Notifier): { dispose(): void } {
  let shown: string | null = null;
  return store.onDidChange(() => {
    const state = store.state;
    if (state.status === 'ready' || state.status === 'unconfigured') {
      shown = null;
      notifier.clear();
      return;
    }
    if (state.status !== 'error' || state.error.quiet || shown === state.error.message) return;
    shown = state.error.message;
    void notifier.error(state.error);
  });
}
