// Release commands are called from a tree item (a ReleaseNode), the status bar or a test (a
// ReleaseKey), or the palette (nothing: ask with a quick pick).
import type { ReleaseKey, SourceKind } from '../store/storeTypes';

function isKey(v: unknown): v is ReleaseKey {
  const k = v as Partial<ReleaseKey> | null;
  return (
    typeof k === 'object' && k !== null &&
    (k.source === 'demo' || k.source === 'sentry' || k.source === 'file') &&
    typeof k.project === 'string' && typeof k.release === 'string'
  );
}

/** The release a command argument names; null when the command should ask. */
export function releaseKeyFromArgument(arg: unknown, currentSource: SourceKind | null): ReleaseKey | null {
  if (isKey(arg)) return arg;
  const node = arg as { kind?: unknown; key?: unknown } | null;
  if (typeof node === 'object' && node !== null && node.kind === 'release' && isKey(node.key)) return node.key;
  // `{ project, release }` without a source (scripts, tests): the source shown now.
  const partial = arg as { project?: unknown; release?: unknown } | null;
  if (currentSource && typeof partial === 'object' && partial !== null && typeof partial.project === 'string' && typeof partial.release === 'string') {
    return { source: currentSource, project: partial.project, release: partial.release };
  }
  return null;
}
