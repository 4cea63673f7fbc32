import { strict as assert } from 'assert';
import { buildComparisonModel, commonAgeHours } from '../../../src/extension/compare/comparisonModel';
import type { ReleaseHealthStoreReader, StoreSnapshot } from '../../../src/extension/store/storeTypes';
import { computeOverview } from '../../../src/health/computeOverview';
import { DEFAULT_THRESHOLDS, type ReleaseInput } from '../../../src/health/types';
import { alignByAge } from '../../../src/webview/ageSeriesChart';
import { intervalSpan, renderComparisonView } from '../../../src/webview/comparisonView';
import { isComparisonViewModel } from '../../../src/webview/protocol';
import { findAll, textOf } from '../../../src/webview/vnode';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const H = 3600;

function release(name: string, firstSeen: number, total: number, crashed: number): ReleaseInput {
  const b = { total, healthy: total - crashed, errored: 0, crashed, abnormal: 0, unhandled: 0 };
  return { project: 'web', release: name, firstSeen, hasHealthData: true, stats: { sessions: b, users: { ...b }, sessions24h: total, users24h: total, series: new Array(24).fill(1), durationP50: null, durationP90: null } };
}

function storeWith(releases: ReleaseInput[]): Pick<ReleaseHealthStoreReader, 'state' | 'snapshot'> {
  const overview = computeOverview({ releases, projects: { web: { sessions24h: 1, users24h: 1 } } }, { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS });
  const snapshot: StoreSnapshot = { scope: { kind: 'demo', label: 'Demo data', organization: null, sentryUrl: null, environments: [], summaryPeriod: '24h', healthPeriod: '24h' }, overview, skipped: null, updatedAt: new Date(NOW * 1000).toISOString() };
  return { state: { status: 'ready', snapshot }, snapshot };
}

const key = { source: 'demo' as const, project: 'web', base: '2.2.0', candidate: '2.3.0<script>' };

describe('webview/comparisonView', () => {
  const store = storeWith([release('2.2.0', NOW - 10 * 86400, 1000, 10), release('2.3.0<script>', NOW - 20 * H - 600, 1000, 30)]);

  it('says the verdict in words and draws the interval around zero', () => {
    const model = buildComparisonModel({ key, store, equalAge: { status: 'off' }, minimumSessions: 30 });
    assert.ok(isComparisonViewModel(model));
    assert.equal(model.rows[0].verdict, 'worse');
    assert.equal(model.rows[0].sentence, '2.3.0<script> crashes more than 2.2.0: \u22122.0 pp, 95 % CI \u22123.3 to \u22120.8');
    const tree = renderComparisonView(model);
    const verdict = findAll(tree, (e) => 'data-comparison-verdict' in e.attrs)[0];
    assert.equal(verdict.attrs['data-verdict'], 'worse');
    assert.match(textOf(verdict), /crashes more than/);
    const sessionsRow = findAll(tree, (e) => e.attrs['data-comparison-row'] === 'crashFreeSessions')[0];
    assert.equal(JSON.parse(sessionsRow.attrs['data-difference']), model.rows[0].difference);
    const [range] = findAll(sessionsRow, (e) => (e.attrs.class ?? '').startsWith('interval-range'));
    const span = intervalSpan(model.rows);
    const [low, high] = model.rows[0].differenceInterval!;
    assert.equal(range.style.left, `${(((low + span) / (2 * span)) * 100).toFixed(3)}%`);
    assert.ok(parseFloat(range.style.left) + parseFloat(range.style.width) < 50, 'the whole interval lies left of zero');
    assert.ok(high < 0);
    // The hostile name is text, never an element.
    assert.equal(findAll(tree, (e) => e.tag === 'script').length, 0);
    assert.ok(textOf(tree).includes('2.3.0<script>'));
    const toggle = findAll(tree, (e) => e.attrs['data-action'] === 'toggle-equal-age')[0];
    assert.equal(toggle.attrs['aria-pressed'], 'false');
  });

  it('aligns the two series by age', () => {
    const model = buildComparisonModel({ key, store, equalAge: { status: 'off' }, minimumSessions: 30 });
    const s = model.series!;
    assert.equal(s.candidate.points[0][0], 0, 'the candidate starts at age 0 (its first hour)');
    assert.ok(s.base.points[0][0] >= 9 * 24, 'the 10-day-old base is at its age');
    const [xs, b, c] = alignByAge(s);
    assert.equal(xs.length, b.length);
    assert.equal(xs.length, c.length);
  });

  it('equal age: the younger release\'s age; loading, error and ready states', () => {
    assert.equal(commonAgeHours(store.snapshot!.overview.releases[1], store.snapshot!.overview.releases[0], NOW), 21);
    const loading = buildComparisonModel({ key, store, equalAge: { status: 'loading', ageHours: 21 }, minimumSessions: 30 });
    assert.equal(loading.phase, 'loading');
    assert.equal(loading.rows.length, 0);
    assert.match(textOf(renderComparisonView(loading)), /first 21 hours/);
    const failed = buildComparisonModel({ key, store, equalAge: { status: 'error', ageHours: 21, message: 'boom' }, minimumSessions: 30 });
    assert.equal(failed.phase, 'error');
    assert.match(failed.error!, /boom/);
    const aged = computeOverview({ releases: [release('2.2.0', NOW - 10 * 86400, 50, 5), release('2.3.0<script>', NOW - 20 * H, 20, 0)], projects: {} }, { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS });
    const ready = buildComparisonModel({ key, store, equalAge: { status: 'ready', ageHours: 21, result: { source: 'demo', overview: aged, ageWindows: {} } }, minimumSessions: 30 });
    assert.equal(ready.rows[0].verdict, 'insufficient-data');
    assert.match(ready.rows[0].sentence, /^Not enough data to compare 2\.3\.0<script> with 2\.2\.0: 20 sessions against 50/);
    assert.equal(findAll(renderComparisonView(ready), (e) => e.attrs['data-action'] === 'toggle-equal-age')[0].attrs['aria-pressed'], 'true');
  });
});
