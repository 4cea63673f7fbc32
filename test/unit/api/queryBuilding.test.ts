import { strict as assert } from 'assert';
import { nextCursor, parseLinkHeader } from '../../../src/api/linkHeader';
import { environmentProxy, resolveConfig } from '../../../src/api/config';
import { mayBeTruncated } from '../../../src/api/sessionGroups';
import { rateLimitWait } from '../../../src/api/httpOutcome';
import {
  chunkReleases,
  intervalCount,
  perPageFor,
  queryWindow,
  releaseFilter,
  sessionsParams,
  MAX_FILTER_CHARS,
} from '../../../src/api/sessionsQueries';
import { parseReleaseFilter } from './helpers/sentrySim';
import { windowOf } from '../../../src/health/windows';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;

describe('api: Link header', () => {
  const header =
    '<https://sentry.io/api/0/organizations/acme/sessions/?field=sum%28session%29&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", ' +
    '<https://sentry.io/api/0/organizations/acme/sessions/?field=sum%28session%29&cursor=0:1:0>; rel="next"; results="true"; cursor="0:1:0"';

  it('parses both entries', () => {
    const links = parseLinkHeader(header);
    assert.deepEqual(links.map((l) => [l.rel, l.results, l.cursor]), [['previous', false, '0:0:1'], ['next', true, '0:1:0']]);
  });

  it('gives the next cursor only while results="true"', () => {
    assert.equal(nextCursor(header), '0:1:0');
    assert.equal(nextCursor(header.replace('results="true"', 'results="false"')), null);
    assert.equal(nextCursor(undefined), null);
    assert.equal(nextCursor('<https://x/?cursor=0:5:0>; rel="next"'), '0:5:0', 'cursor from the URL when no attribute');
  });
});

describe('api: sessions query parameters', () => {
  it('asks for exactly the pipeline windows: start W, end now, interval g', () => {
    const w = queryWindow(windowOf('24h', NOW));
    const p = sessionsParams({ window: w, fields: ['sum(session)', 'count_unique(user)'], groupBy: ['project', 'release'], orderBy: '-sum(session)', perPage: 398 }, { projectIds: ['1', '2'], environments: ['production', 'staging'] });
    assert.deepEqual(p, [
      ['field', 'sum(session)'], ['field', 'count_unique(user)'], ['groupBy', 'project'], ['groupBy', 'release'],
      ['project', '1'], ['project', '2'], ['environment', 'production'], ['environment', 'staging'],
      ['start', '2026-11-25T13:00:00Z'], ['end', '2026-11-26T12:30:00Z'], ['interval', '1h'],
      ['orderBy', '-sum(session)'], ['per_page', '398'],
    ]);
    const d = queryWindow(windowOf('7d', NOW));
    assert.equal(sessionsParams({ window: d, fields: ['sum(session)'], groupBy: [], perPage: 1 }, { projectIds: [], environments: [] }).find(([k]) => k === 'interval')![1], '1d');
  });

  it('keeps intervals × (per_page + 1) ≤ 10000 with a one-bucket margin', () => {
    for (const period of ['1h', '24h', '48h', '7d', '14d', '30d', '90d'] as const) {
      for (const now of [NOW, Math.floor(NOW / 86400) * 86400]) {
        const w = queryWindow(windowOf(period, now));
        for (const status of [false, true]) {
          const pp = perPageFor(w, status);
          assert.ok((intervalCount(w) + 1) * (pp + 1) <= 10000, `${period} ${pp}`);
          assert.ok(pp <= 5000);
          if (status) assert.ok((pp + 1) % 4 !== 0 && (pp + 1) % 5 !== 0);
        }
      }
    }
    assert.equal(intervalCount(queryWindow(windowOf('90d', NOW))), 90);
    assert.equal(perPageFor(queryWindow(windowOf('90d', NOW)), false), 108);
  });

  it('quotes every version so any character survives, escaping only the double quote (as Sentry unescapes)', () => {
    const versions = ['app@1.0.0', 'foo-bar@1.2.3 (123)', 'we"ird\\name', 'a,b]c'];
    const q = releaseFilter(versions);
    assert.equal(q, 'release:["app@1.0.0","foo-bar@1.2.3 (123)","we\\"ird\\name","a,b]c"]');
    assert.deepEqual(parseReleaseFilter(q), versions);
  });

  it('chunks versions by group count and URL length', () => {
    const v = Array.from({ length: 1000 }, (_, i) => ({ version: `r${i}`, pairs: 1 }));
    const chunks = chunkReleases(v, 100);
    assert.equal(chunks.length, 10);
    assert.deepEqual(chunks.flat(), v.map((x) => x.version));
    const long = Array.from({ length: 100 }, (_, i) => ({ version: `${'x'.repeat(200)}${i}`, pairs: 1 }));
    const byLength = chunkReleases(long, 1000);
    assert.ok(byLength.length > 1);
    for (const c of byLength) assert.ok(encodeURIComponent(releaseFilter(c)).length <= MAX_FILTER_CHARS);
    assert.deepEqual(chunkReleases([{ version: 'multi', pairs: 7 }, { version: 'b', pairs: 1 }], 5), [['multi'], ['b']]);
  });

  it('sees a cut status answer by more pairs on a page than per_page', () => {
    const page = (pairs: number) => ({
      intervals: [],
      groups: Array.from({ length: pairs }, (_, i) => ['healthy', 'errored'].map((s) => ({ by: { project: 1, release: `r${i}`, 'session.status': s }, totals: {}, series: {} }))).flat(),
    });
    assert.equal(mayBeTruncated([page(10)], 10), false);
    assert.equal(mayBeTruncated([page(11)], 10), true);
    assert.equal(mayBeTruncated([page(10), page(10)], 10), false, 'an honest server pages');
  });
});

describe('api: rate-limit waits', () => {
  it('reads X-Sentry-Rate-Limit-Reset (epoch s) first, then Retry-After (seconds or HTTP date)', () => {
    const now = 1_800_000_000_000;
    assert.equal(rateLimitWait('1800000002', '30', now), 2000);
    assert.equal(rateLimitWait('1799999990', null, now), 0, 'a past reset: no wait');
    assert.equal(rateLimitWait(null, '1.5', now), 1500);
    assert.equal(rateLimitWait(null, new Date(now + 4000).toUTCString(), now), 4000);
    assert.equal(rateLimitWait(null, null, now), null);
    assert.equal(rateLimitWait('soon', 'later', now), null);
  });
});

describe('api: configuration', () => {
  it('accepts sentry.io, regional and self-hosted URLs with or without a trailing slash', () => {
    assert.equal(resolveConfig({ organization: 'a' }).base.href, 'https://sentry.io/');
    assert.equal(resolveConfig({ organization: 'a', baseUrl: 'https://de.sentry.io/' }).base.href, 'https://de.sentry.io/');
    assert.equal(resolveConfig({ organization: 'a', baseUrl: 'https://sentry.corp.example/sentry//' }).base.href, 'https://sentry.corp.example/sentry');
  });

  it('takes the environment proxy unless one is configured; loopback and NO_PROXY bypass it', () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.internal,localhost' };
    assert.equal(environmentProxy(new URL('https://sentry.io'), env), 'http://proxy:3128');
    assert.equal(environmentProxy(new URL('https://sentry.internal'), env), null);
    assert.equal(environmentProxy(new URL('https://a.sentry.internal'), env), null);
    assert.equal(environmentProxy(new URL('http://127.0.0.1:9000'), { HTTP_PROXY: 'http://p:1' }), null);
    assert.equal(resolveConfig({ organization: 'a', env, proxy: { proxyUrl: 'http://vscode:8080' } }).proxyUrl, 'http://vscode:8080');
    assert.equal(resolveConfig({ organization: 'a', env }).proxyUrl, 'http://proxy:3128');
  });
});
