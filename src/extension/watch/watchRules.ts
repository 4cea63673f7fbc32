// The watch's rules, pure (no vscode): after each refresh, is there news about the tracked
// release worth a notification? News is a change for the worse: its health status drops
// (healthy → warning → critical), it becomes a regression against its previous release, or its
// comparison with the previous release turns `worse`. Nothing on the first load of a scope;
// at most one event per release per change (a state already told is not told again).
import { compareReleases, type ComparisonVerdict } from '../../health/compareReleases';
import type { HealthStatus, ReleaseHealth } from '../../health/types';
import { healthStatusWord } from '../../present/healthStatus';
import { formatPercent } from '../../present/numbers';
import type { StoreSnapshot } from '../store/storeTypes';
import { t } from '../../present/localize';

export interface WatchedFigures {
  status: HealthStatus;
  regression: boolean;
  verdict: ComparisonVerdict | null;
}

export type WatchReason = 'status' | 'regression' | 'verdict';

export interface WatchEvent {
  project: string;
  release: string;
  previousRelease: string | null;
  reasons: WatchReason[];
  /** What the notification says, naming the release and the figure. */
  message: string;
}

/** Severity of the statuses that judge a release; insufficient data judges nothing. */
const SEVERITY: Partial<Record<HealthStatus, number>> = { healthy: 0, warning: 1, critical: 2 };

export function figuresOf(r: ReleaseHealth, previous: ReleaseHealth | undefined, minimumSessions: number): WatchedFigures {
  const verdict = previous ? compareReleases(previous, r, { minimumSessions }).crashFreeSessions.verdict : null;
  return { status: r.healthStatus, regression: r.regression, verdict };
}

function reasonsOf(before: WatchedFigures, now: WatchedFigures): WatchReason[] {
  const out: WatchReason[] = [];
  const a = SEVERITY[before.status];
  const b = SEVERITY[now.status];
  if (a !== undefined && b !== undefined && b > a) out.push('status');
  if (now.regression && !before.regression) out.push('regression');
  if (now.verdict === 'worse' && before.verdict !== 'worse') out.push('verdict');
  return out;
}

function messageOf(r: ReleaseHealth, before: WatchedFigures, reasons: WatchReason[]): string {
  const figure = t('{0} crash-free sessions', formatPercent(r.crashFreeSessions));
  const parts: string[] = [];
  if (reasons.includes('status')) parts.push(t('{0} is now {1} (was {2}): {3}', r.release, healthStatusWord(r.healthStatus), healthStatusWord(before.status), figure));
  else parts.push(t('{0} is at {1}', r.release, figure));
  const vs = r.previousRelease ?? t('the previous release');
  if (reasons.includes('regression')) parts.push(t('a regression against {0}', vs));
  else if (reasons.includes('verdict')) parts.push(t('it crashes more than {0}', vs));
  return `${parts.join('; ')}.`;
}

/** The scope whose first load says nothing: another source, organization, period or environment starts afresh. */
export function scopeId(s: StoreSnapshot): string {
  return JSON.stringify([s.scope.kind, s.scope.label, s.scope.organization, s.overview.summaryPeriod, s.scope.environments]);
}

export class WatchRules {
  private scope: string | null = null;
  private lastRefresh: string | null = null;
  /** Figures last seen per release (`project \0 release`). */
  private readonly seen = new Map<string, WatchedFigures>();

  /**
   * Called on every store change; only a new refresh (another `updatedAt`) of the same scope
   * can give an event. `tracked` is the release the status bar follows.
   */
  observe(snapshot: StoreSnapshot, tracked: ReleaseHealth | null, minimumSessions: number): WatchEvent | null {
    const scope = scopeId(snapshot);
    if (scope !== this.scope) {
      this.scope = scope;
      this.seen.clear();
      this.lastRefresh = null;
    }
    const refreshed = snapshot.updatedAt !== this.lastRefresh;
    this.lastRefresh = snapshot.updatedAt;
    if (!tracked || !tracked.hasHealthData) return null;
    const id = `${tracked.project}\u0000${tracked.release}`;
    const previous = tracked.previousRelease === null ? undefined : snapshot.overview.releases.find((r) => r.project === tracked.project && r.release === tracked.previousRelease);
    const now = figuresOf(tracked, previous, minimumSessions);
    const before = this.seen.get(id);
    // Thresholds applied without a refresh move the baseline, but are not news of the release.
    this.seen.set(id, now);
    if (!before || !refreshed) return null;
    const reasons = reasonsOf(before, now);
    if (reasons.length === 0) return null;
    return { project: tracked.project, release: tracked.release, previousRelease: tracked.previousRelease, reasons, message: messageOf(tracked, before, reasons) };
  }
}
