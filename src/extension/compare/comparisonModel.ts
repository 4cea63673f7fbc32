// Builds what the comparison view shows from the store (summary window) or from an equal-age
// result. Pure (no vscode): the mapping is unit-tested.
import { compareReleases, type RateComparison } from '../../health/compareReleases';
import { ageKey, MAX_AGE_HOURS, type AgeWindowStats } from '../../health/equalAge';
import type { HealthStat, ReleaseHealth } from '../../health/types';
import { HOUR, windowOf } from '../../health/windows';
import { differenceText, pValueText, verdictWords, verdictSentence } from '../../present/comparisonText';
import type { AgeSeries, ComparisonKey, ComparisonRowModel, ComparisonViewModel, PanelPhase, PanelScope } from '../../webview/protocol';
import type { EqualAgeResult, ReleaseHealthStoreReader } from '../store/storeTypes';
import { panelScopeOf } from '../panel/panelModel';
import { t } from '../../present/localize';
import { crashFreeSessionsLabel, crashFreeUsersLabel } from '../../present/releaseFigures';

export type ComparisonStoreView = Pick<ReleaseHealthStoreReader, 'state' | 'snapshot'>;

/** Where the equal-age figures stand for one view. */
export type EqualAgeState =
  | { status: 'off' }
  | { status: 'loading'; ageHours: number }
  | { status: 'ready'; ageHours: number; result: EqualAgeResult }
  | { status: 'error'; ageHours: number; message: string };

const iso = (t: number) => new Date(t * 1000).toISOString();

/** Hours since the start of the hour of a release's first session, at `now`. */
function ageAt(r: ReleaseHealth | undefined, now: number): number | null {
  if (!r || r.firstSeen === null) return null;
  const t0 = Math.floor(Date.parse(r.firstSeen) / 1000 / HOUR) * HOUR;
  return Math.ceil((now - t0) / HOUR);
}

/**
 * The age both releases have reached: the younger one's, so that the older one is measured
 * over the same first hours the younger has had (24 when neither age is known).
 */
export function commonAgeHours(base: ReleaseHealth | undefined, candidate: ReleaseHealth | undefined, now: number): number {
  const ages = [ageAt(base, now), ageAt(candidate, now)].filter((a): a is number => a !== null && a > 0);
  const age = ages.length > 0 ? Math.min(...ages) : 24;
  return Math.max(1, Math.min(MAX_AGE_HOURS, age));
}

function rowOf(figure: ComparisonRowModel['figure'], label: string, c: RateComparison, key: ComparisonKey, counts: [number, number], unit: 'sessions' | 'users', minimumSessions: number): ComparisonRowModel {
  return {
    figure,
    label,
    ...c,
    differenceText: differenceText(c),
    pValueText: pValueText(c.pValue),
    verdictWords: verdictWords(c.verdict),
    sentence: verdictSentence({ base: key.base, candidate: key.candidate, unit, comparison: c, baseCount: counts[0], candidateCount: counts[1], minimumSessions }),
  };
}

function seriesFromStats(r: ReleaseHealth, period: string): AgeSeries | null {
  const points = r.stats[period] ?? Object.values(r.stats)[0];
  if (!points || r.firstSeen === null) return null;
  const t0 = Math.floor(Date.parse(r.firstSeen) / 1000 / HOUR) * HOUR;
  return { release: r.release, points: points.filter(([t]) => t >= t0).map(([t, v]) => [(t - t0) / HOUR, v]) };
}

function seriesFromWindow(release: string, w: AgeWindowStats | null, stat: HealthStat): AgeSeries {
  if (!w) return { release, points: [] };
  const g = w.window.granularity / HOUR;
  const values = stat === 'users' ? w.series.users : w.series.sessions;
  return { release, points: values.map((v, i) => [i * g, v]) };
}

export interface ComparisonInput {
  key: ComparisonKey;
  store: ComparisonStoreView;
  equalAge: EqualAgeState;
  minimumSessions: number;
}

export function buildComparisonModel(input: ComparisonInput): ComparisonViewModel {
  const { key, store, equalAge, minimumSessions } = input;
  const snap = store.snapshot;
  const sameSource = snap !== null && snap.scope.kind === key.source;
  const scope: PanelScope | null = sameSource ? panelScopeOf(key, snap) : null;
  const stat: HealthStat = scope?.stat ?? 'sessions';
  const empty: ComparisonViewModel = {
    key: { ...key },
    phase: store.state.status,
    error: store.state.status === 'error' ? store.state.error.message : null,
    equalAge: equalAge.status !== 'off',
    ageHours: equalAge.status === 'off' ? null : equalAge.ageHours,
    baseHealth: null,
    candidateHealth: null,
    windows: { base: null, candidate: null },
    rows: [],
    series: null,
    minimumSessions,
    scope,
  };
  if (store.state.status === 'unconfigured') return empty;

  let overview = sameSource ? snap.overview : null;
  let phase: PanelPhase = store.state.status;
  let error = empty.error;
  if (equalAge.status === 'loading') phase = 'loading';
  if (equalAge.status === 'error') {
    phase = 'error';
    error = t('Could not measure the releases over their first {0} hours: {1}', equalAge.ageHours, equalAge.message);
  }
  const aged = equalAge.status === 'ready' && equalAge.result.source === key.source ? equalAge.result : null;
  if (equalAge.status !== 'off') overview = aged ? aged.overview : null;

  const find = (release: string) => overview?.releases.find((r) => r.project === key.project && r.release === release) ?? null;
  const baseHealth = find(key.base);
  const candidateHealth = find(key.candidate);
  const model: ComparisonViewModel = { ...empty, phase, error, baseHealth, candidateHealth };
  if (!overview || !baseHealth || !candidateHealth) return model;

  const c = compareReleases(baseHealth, candidateHealth, { minimumSessions });
  model.rows = [
    rowOf('crashFreeSessions', crashFreeSessionsLabel(), c.crashFreeSessions, key, [baseHealth.totalSessions, candidateHealth.totalSessions], 'sessions', minimumSessions),
    rowOf('crashFreeUsers', crashFreeUsersLabel(), c.crashFreeUsers, key, [baseHealth.totalUsers, candidateHealth.totalUsers], 'users', minimumSessions),
  ];
  const now = Date.parse(overview.now) / 1000;
  if (aged) {
    const wb = aged.ageWindows[ageKey(key.project, key.base)] ?? null;
    const wc = aged.ageWindows[ageKey(key.project, key.candidate)] ?? null;
    model.windows = { base: wb ? [iso(wb.window.start), iso(wb.window.end)] : null, candidate: wc ? [iso(wc.window.start), iso(wc.window.end)] : null };
    model.series = { stat, bucketHours: (wb ?? wc)?.window.granularity ? (wb ?? wc)!.window.granularity / HOUR : 1, base: seriesFromWindow(key.base, wb, stat), candidate: seriesFromWindow(key.candidate, wc, stat) };
  } else {
    const w = windowOf(overview.summaryPeriod, now);
    model.windows = { base: [iso(w.start), iso(w.end)], candidate: [iso(w.start), iso(w.end)] };
    const sb = seriesFromStats(baseHealth, overview.healthPeriod);
    const sc = seriesFromStats(candidateHealth, overview.healthPeriod);
    const pts = (sb ?? sc)?.points ?? [];
    const step = pts.length > 1 ? pts[1][0] - pts[0][0] : 1;
    model.series = sb && sc ? { stat, bucketHours: step, base: sb, candidate: sc } : null;
  }
  return model;
}
