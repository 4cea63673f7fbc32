// Property: for random session data, the session statuses add up to the total whenever
// nothing is clamped (healthy and errored not cut at zero, no crash without init).
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { HOUR, NOW, run } from '../fixtures/sessionLines';

const STATUSES = ['ok', 'exited', 'crashed', 'abnormal', 'errored', 'unhandled'] as const;

const sessionArb = fc.record({
  user: fc.integer({ min: 0, max: 5 }),
  final: fc.constantFrom(...STATUSES),
  errors: fc.integer({ min: 0, max: 3 }),
  hoursAgo: fc.integer({ min: 0, max: 30 }),
  release: fc.constantFrom('r1', 'r2'),
});

describe('raw: status summary property', () => {
  it('healthy + errored + unhandled + crashed + abnormal = total when nothing is clamped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sessionArb, { maxLength: 40 }), fc.array(fc.record({
        exited: fc.nat(4), errored: fc.nat(3), crashed: fc.nat(2), abnormal: fc.nat(2), unhandled: fc.nat(2),
      }), { maxLength: 3 }), async (sessions, aggs) => {
        const lines: Record<string, unknown>[] = [];
        sessions.forEach((s, i) => {
          const started = new Date((NOW - s.hoursAgo * HOUR - 60) * 1000).toISOString();
          const attrs = { release: s.release };
          const did = s.user === 0 ? undefined : `u${s.user}`;
          lines.push({ sid: `s${i}`, did, init: true, started, status: 'ok', errors: 0, attrs });
          // Crashed/abnormal/unhandled sessions carry an error count, as SDKs send them.
          const errors = s.final === 'ok' || s.final === 'exited' ? s.errors : Math.max(1, s.errors);
          lines.push({ sid: `s${i}`, did, started, status: s.final, errors, attrs });
        });
        for (const a of aggs) lines.push({ aggregates: [{ started: new Date((NOW - HOUR) * 1000).toISOString(), ...a }], attrs: { release: 'r1' } });
        const o = await run(lines);
        for (const r of o.releases) {
          if (!r.hasHealthData) continue;
          const sum = r.sessionsHealthy + r.sessionsErrored + r.sessionsUnhandled + r.sessionsCrashed + r.sessionsAbnormal;
          assert.equal(sum, r.totalSessions, JSON.stringify(r));
          assert.ok(r.anomalies.length === 0);
          const usum = r.usersHealthy + r.usersErrored + r.usersUnhandled + r.usersCrashed + r.usersAbnormal;
          assert.ok(usum >= r.totalUsers, 'a user with several unhealthy statuses counts in each');
        }
      }),
      { numRuns: 150 },
    );
  });
});
