// Reads the release key back from what a panel's webview saved with setState, for the
// serializer after a window reload. The saved state comes from the webview: check it.
import { isPanelSavedState } from '../../webview/protocol';
import type { ReleaseKey } from '../store/storeTypes';

export function savedReleaseKey(state: unknown): ReleaseKey | null {
  if (!isPanelSavedState(state)) return null;
  const { source, project, release } = state.key;
  return { source, project, release };
}
