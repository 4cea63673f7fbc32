import { strict as assert } from 'assert';
import { breakdownFromCounters, countErrored, summarizeStatuses } from '../../../src/health/statusSummary';

describe('health/statusSummary', () => {
  it("reproduces Sentry's reference computation (EAP test_healthy_computation)", () => {
    // init 100, crashed 3, errored_preaggr 7, errored_set 4, abnormal 2, unhandled 5
    const b = breakdownFromCounters({ total: 100, erroredAll: 11, crashed: 3, abnormal: 2, unhandled: 5 });
    assert.deepEqual(b, { total: 100, healthy: 89, errored: 6, crashed: 3, abnormal: 2, unhandled: 5 });
    // The product's errored count is handled errors only.
    assert.equal(countErrored(b), 1);
    const s = summarizeStatuses(b);
    assert.equal(s.healthy + s.errored + s.unhandled + s.crashed + s.abnormal, 100);
  });

  it('clamps healthy and errored at zero, never the others', () => {
    const b = breakdownFromCounters({ total: 2, erroredAll: 5, crashed: 4, abnormal: 0, unhandled: 3 });
    assert.equal(b.healthy, 0);
    assert.equal(b.errored, 1);
    assert.equal(countErrored(b), 0);
  });
});
