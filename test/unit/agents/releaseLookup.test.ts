import { strict as assert } from 'assert';
import { AgentToolError } from '../../../src/agents/agentToolError';
import { findOneRelease, findReleases } from '../../../src/agents/releaseLookup';
import { listReleases, releaseListText } from '../../../src/agents/releaseList';
import { overview, release } from '../extension/releaseFixtures';

const releases = [
  release({ project: 'app', release: '2.0' }),
  release({ project: 'app', release: '1.0' }),
  release({ project: 'app', release: '0.9', hasHealthData: false }),
  release({ project: 'web', release: '2.0' }),
];

describe('agents/releaseLookup and releaseList', () => {
  it('finds by project and release; every release when nothing is named', () => {
    assert.equal(findReleases(releases, {}).length, 4);
    assert.deepEqual(findReleases(releases, { release: '2.0' }).map((r) => r.project), ['app', 'web']);
    assert.equal(findOneRelease(releases, '1.0').project, 'app');
    assert.equal(findOneRelease(releases, '2.0', 'web').project, 'web');
  });

  it('errors say what exists', () => {
    assert.throws(() => findOneRelease(releases, '2.0'), { name: 'AgentToolError', message: 'Release "2.0" exists in several projects ("app", "web"): name the project.' });
    assert.throws(() => findReleases(releases, { project: 'app', release: '3.0' }), {
      message: 'Unknown release "3.0" in project "app". Releases with health data: "2.0", "1.0".',
    });
    assert.throws(() => findReleases(releases, { project: 'ios' }), { message: 'Unknown project "ios". Known projects: "app", "web".' });
    assert.throws(() => findReleases([], { release: 'x' }), (e: unknown) => e instanceof AgentToolError && /no releases/.test(e.message));
    const many = Array.from({ length: 13 }, (_, i) => release({ release: `v${i}` }));
    assert.throws(() => findReleases(many, { release: 'x' }), { message: /"v9" and 3 more\.$/ });
  });

  it('lists projects in order with the compact figures', () => {
    const list = listReleases(overview(releases));
    assert.deepEqual(list.projects.map((p) => [p.project, p.releases.map((r) => r.release)]), [['app', ['2.0', '1.0', '0.9']], ['web', ['2.0']]]);
    assert.deepEqual(Object.keys(list.projects[0].releases[0]), [
      'release', 'hasHealthData', 'healthStatus', 'crashFreeSessions', 'crashFreeUsers', 'totalSessions', 'totalUsers', 'adoption', 'firstSeen', 'previousRelease', 'regression',
    ]);
    const text = releaseListText(listReleases(overview(releases), 'app'));
    assert.equal(text, [
      'Releases over the last 24 hours (as of 2026-11-26T12:00:00.000Z):',
      'Project "app":',
      '- "2.0": healthy, crash-free sessions 99.70%, crash-free users 99.00%, 1,000 sessions',
      '- "1.0": healthy, crash-free sessions 99.70%, crash-free users 99.00%, 1,000 sessions',
      '- "0.9": no health data (90 days)',
    ].join('\n'));
  });
});
