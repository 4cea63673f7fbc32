import { strict as assert } from 'assert';
import { Readable } from 'stream';
import { ageKey } from '../../../src/health/equalAge';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { overviewFromAccumulator } from '../../../src/raw/fileOverview';
import { rawAgeWindowStats } from '../../../src/raw/equalAgeStats';
import { readSessionStream } from '../../../src/raw/readSessionStream';
import { DAY, HOUR, NOW, ndjson, sessions, update } from '../fixtures/sessionLines';

async function accumulate(lines: Record<string, unknown>[]) {
  const { accumulator } = await readSessionStream(Readable.from([Buffer.from(ndjson(lines))]), { now: NOW, defaultProject: 'default' });
  return accumulator;
}

describe('raw/equalAgeStats', () => {
  const t0Old = NOW - 10 * DAY + 25 * 60; // first session 10 days ago, 25 minutes past the hour bucket's start
  const t0New = NOW - 20 * HOUR - 10 * 60;
  const lines = [
    // Older than the 90-day window: not the first session.
    ...sessions('old', NOW - 100 * DAY, 5, 0),
    // A crash without its init, earlier: not a session start.
    update({ sid: 'orphan', release: 'old', started: t0Old - 3 * HOUR, status: 'crashed', errors: 1 }),
    // Staging, earlier: outside a production filter.
    ...sessions('old', t0Old - 2 * DAY, 3, 3, { environment: 'staging' }),
    ...sessions('old', t0Old, 40, 2, { environment: 'production' }), // within its first 24 h (40 minutes)
    ...sessions('old', t0Old + 30 * HOUR, 100, 50, { environment: 'production' }), // after it
    ...sessions('new', t0New, 40, 4, { environment: 'production' }),
  ];

  it('measures each release over its own first hours (hand-counted)', async () => {
    const acc = await accumulate(lines);
    const old = rawAgeWindowStats(acc, 'default', 'old', { now: NOW, environments: ['production'], ageHours: 24 })!;
    assert.equal(old.window.start, Math.floor(t0Old / HOUR) * HOUR);
    assert.equal(old.window.end, old.window.start + 24 * HOUR);
    assert.equal(old.sessions.total, 40);
    assert.equal(old.sessions.crashed, 2);
    assert.equal(old.users.total, 40);
    assert.equal(old.users.crashed, 2);
    assert.equal(old.series.sessions.length, 24);
    assert.equal(old.series.sessions[0] + old.series.sessions[1], 40);
    assert.equal(old.series.sessions.slice(2).reduce((a, b) => a + b, 0), 0);

    const young = rawAgeWindowStats(acc, 'default', 'new', { now: NOW, environments: null, ageHours: 24 })!;
    assert.equal(young.window.start, Math.floor(t0New / HOUR) * HOUR);
    assert.equal(young.window.end, NOW, 'ends at now, younger than the age');
    assert.equal(young.sessions.total, 40);
    assert.equal(young.sessions.crashed, 4);
  });

  it('without a filter, the staging sessions are the first; the orphan crash and the 100-day-old ones never are', async () => {
    const acc = await accumulate(lines);
    const all = rawAgeWindowStats(acc, 'default', 'old', { now: NOW, environments: null, ageHours: 72 })!;
    assert.equal(all.window.start, Math.floor((t0Old - 2 * DAY) / HOUR) * HOUR);
    // 3 staging (all crashed) + the orphan crash 3 h before t0Old + 40 production (2 crashed).
    assert.equal(all.sessions.total, 43);
    assert.equal(all.sessions.crashed, 6);
    assert.equal(rawAgeWindowStats(acc, 'default', 'missing', { now: NOW, environments: null, ageHours: 24 }), null);
  });

  it('the overview of the compared releases is computed over those windows', async () => {
    const acc = await accumulate(lines);
    const options = { now: NOW, summaryPeriod: '30d' as const, healthPeriod: '24h' as const, stat: 'sessions' as const, thresholds: DEFAULT_THRESHOLDS, environments: ['production'] };
    const plain = overviewFromAccumulator(acc, options);
    const aged = overviewFromAccumulator(acc, { ...options, equalAge: { project: 'default', releases: ['old', 'new'], ageHours: 24 } });
    const get = (o: typeof plain, r: string) => o.releases.find((x) => x.release === r)!;
    assert.equal(get(plain, 'old').totalSessions, 140);
    assert.equal(get(aged, 'old').totalSessions, 40);
    assert.equal(get(aged, 'old').crashFreeSessions, 95);
    assert.equal(get(aged, 'new').crashFreeSessions, 90);
    assert.equal(get(aged, 'new').previousRelease, 'old');
    assert.ok(Math.abs(get(aged, 'new').crashFreeSessionsDelta! - -5) < 1e-9);
    assert.deepEqual(Object.keys(aged.ageWindows!).sort(), [ageKey('default', 'new'), ageKey('default', 'old')].sort());
  });
});
