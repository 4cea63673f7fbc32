// After the source changes (demo → the local server, a file → Sentry), an open panel of a release
// the new data also has follows it there: it is re-keyed to the new source instead of saying
// "not in the current data", and showing that release again reveals it instead of a second tab.
import type { ReleaseKey, SourceKind } from '../store/storeTypes';

/** For each open panel to move: its current key and the key in the new source. */
export function panelRebinds(
  open: readonly ReleaseKey[],
  source: SourceKind,
  has: (key: ReleaseKey) => boolean,
): Array<{ from: ReleaseKey; to: ReleaseKey }> {
  const sameRelease = (a: ReleaseKey, b: ReleaseKey) => a.project === b.project && a.release === b.release;
  const out: Array<{ from: ReleaseKey; to: ReleaseKey }> = [];
  for (const from of open) {
    if (from.source === source) continue;
    const to: ReleaseKey = { source, project: from.project, release: from.release };
    // A panel already open on the new source keeps its place; this one stays where it was.
    if (open.some((k) => k.source === source && sameRelease(k, to))) continue;
    if (out.some((m) => sameRelease(m.to, to))) continue;
    if (has(to)) out.push({ from, to });
  }
  return out;
}
