import { strict as assert } from 'assert';
import { isSafeAttributeName, mountInto } from '../../../src/webview/dom';
import { noHealthDataLabel } from '../../../src/present/healthStatus';
import { renderedStateOf, renderPanel } from '../../../src/webview/render';
import { findAll, textOf, type VElement } from '../../../src/webview/vnode';
import { FakeDocument, FakeElement, FakeText, walk } from './fakeDocument';
import { HOSTILE_NAME, sampleModel } from './sampleRelease';

const figures = (root: VElement) => findAll(root, (el) => 'data-figure' in el.attrs);
const figure = (root: VElement, name: string) => {
  const found = figures(root).filter((el) => el.attrs['data-figure'] === name);
  assert.equal(found.length, 1, `exactly one data-figure="${name}"`);
  return found[0];
};

describe('webview/render', () => {
  it('tags every headline and summary figure with its raw value', () => {
    const model = sampleModel();
    const root = renderPanel(model);
    const r = model.health!;
    for (const name of ['crashFreeSessions', 'crashFreeUsers', 'totalSessions', 'totalUsers', 'sessionsErrored', 'sessionsHealthy', 'sessionsCrashed', 'sessionsAbnormal', 'sessionsUnhandled', 'adoption', 'sessionsAdoption', 'usersHealthy', 'usersErrored', 'usersCrashed', 'usersAbnormal', 'usersUnhandled', 'crashFreeSessionsDelta', 'regression', 'previousRelease'] as const) {
      assert.equal(figure(root, name).attrs['data-value'], JSON.stringify(r[name]), name);
    }
    assert.equal(textOf(figure(root, 'crashFreeSessions')), '99.19%');
    assert.equal(textOf(figure(root, 'totalSessions')), '12,345');
    assert.equal(textOf(figure(root, 'crashFreeSessionsInterval')), '99.04–99.33%');
    assert.equal(textOf(figure(root, 'crashFreeSessionsDelta')), '−0.46 pp');
    // No figure name twice: end-to-end tests select by it.
    const names = figures(root).map((el) => el.attrs['data-figure']);
    assert.equal(new Set(names).size, names.length);
  });

  it('puts the release on the title element', () => {
    const root = renderPanel(sampleModel());
    const titles = findAll(root, (el) => 'data-release' in el.attrs);
    assert.equal(titles.length, 1);
    assert.equal(titles[0].attrs['data-release'], 'mobile-app@2.5.0');
    assert.equal(textOf(titles[0]), 'mobile-app@2.5.0');
  });

  it('renders a hostile release name as text, never as markup', () => {
    const model = sampleModel({}, { release: HOSTILE_NAME, previousRelease: HOSTILE_NAME, anomalies: [`<script>alert(2)</script>`] });
    model.key.release = HOSTILE_NAME;
    const root = renderPanel(model);
    assert.ok(textOf(root).includes(HOSTILE_NAME));

    const doc = new FakeDocument();
    const container = doc.createElement('div');
    mountInto(container as unknown as Element, root);
    const tags: string[] = [];
    const texts: string[] = [];
    walk(container, (n) => {
      if (n instanceof FakeElement) {
        tags.push(n.tagName);
        for (const name of n.attributes.keys()) assert.ok(!/^on/i.test(name) && name !== 'style', `attribute ${name}`);
      }
      if (n instanceof FakeText) texts.push(n.data);
    });
    assert.ok(!tags.includes('img') && !tags.includes('script'));
    assert.ok(texts.includes(HOSTILE_NAME), 'the name is one text node, characters intact');
    assert.ok(texts.includes('<script>alert(2)</script>'));
  });

  it('applies bar widths through CSSOM, not style attributes', () => {
    const doc = new FakeDocument();
    const container = doc.createElement('div');
    mountInto(container as unknown as Element, renderPanel(sampleModel()));
    const grows: string[] = [];
    walk(container, (n) => {
      if (n instanceof FakeElement && n.styleProps.has('flex-grow')) grows.push(n.styleProps.get('flex-grow')!);
    });
    // Sessions bar (5 non-zero statuses) then users bar (5).
    assert.deepEqual(grows.slice(0, 5), ['12000', '200', '40', '100', '5']);
    assert.equal(grows.length, 10);
  });

  it('refuses event-handler and style attributes when mounting', () => {
    assert.equal(isSafeAttributeName('onerror'), false);
    assert.equal(isSafeAttributeName('ONCLICK'), false);
    assert.equal(isSafeAttributeName('style'), false);
    assert.equal(isSafeAttributeName('x y'), false);
    assert.ok(isSafeAttributeName('data-figure'));
    assert.ok(isSafeAttributeName('aria-label'));
  });

  it('says clearly when a release has no health data', () => {
    const model = sampleModel({}, { hasHealthData: false, totalSessions: 0 });
    const root = renderPanel(model);
    assert.ok(textOf(root).includes(noHealthDataLabel()));
    assert.equal(noHealthDataLabel(), 'No health data (90 days)');
    assert.equal(figures(root).length, 0);
    assert.equal(renderedStateOf(model), 'ready');
  });

  it('shows loading, unconfigured, missing and error states', () => {
    const loading = sampleModel({ phase: 'loading', health: null, scope: null });
    assert.ok(textOf(renderPanel(loading)).includes('Loading'));
    assert.equal(renderedStateOf(loading), 'loading');
    assert.equal(renderedStateOf(sampleModel({ phase: 'unconfigured', health: null, scope: null })), 'unconfigured');
    const missing = sampleModel({ health: null });
    assert.equal(renderedStateOf(missing), 'missing');
    assert.ok(textOf(renderPanel(missing)).includes('not in the current data'));
    const failed = sampleModel({ phase: 'error', error: { message: 'Sentry rejected the token.', fixTitle: 'Sign in again' } });
    const root = renderPanel(failed);
    assert.ok(textOf(root).includes('Sentry rejected the token.'));
    assert.equal(findAll(root, (el) => el.attrs['data-action'] === 'run-fix').length, 1);
    // Stale figures stay visible under the error.
    assert.equal(figure(root, 'totalSessions').attrs['data-value'], '12345');
  });

  it('shows the comparison without a previous release', () => {
    const root = renderPanel(sampleModel({}, { previousRelease: null, crashFreeSessionsDelta: null, regression: false }));
    assert.equal(figure(root, 'previousRelease').attrs['data-value'], 'null');
    assert.equal(textOf(figure(root, 'crashFreeSessionsDelta')), '—');
    assert.equal(findAll(root, (el) => el.attrs['data-action'] === 'open-release').length, 0);
  });

  it('offers only the host-vetted links, as buttons without inline handlers', () => {
    const url = 'https://sentry.io/organizations/acme/releases/mobile-app%402.5.0/';
    const root = renderPanel(sampleModel({ links: { openInSentry: url, previousReleaseInSentry: null } }));
    const external = findAll(root, (el) => el.attrs['data-action'] === 'open-external');
    assert.deepEqual(external.map((el) => el.attrs['data-url']), [url]);
    assert.equal(findAll(root, (el) => el.tag === 'a' || Object.keys(el.attrs).some((a) => a.startsWith('on'))).length, 0);
  });

  it('shows the scope', () => {
    const model = sampleModel();
    model.scope = { ...model.scope!, sourceLabel: 'sentry.io / acme', organization: 'acme', environments: ['production', 'staging'] };
    const text = textOf(renderPanel(model));
    for (const s of ['sentry.io / acme', 'acme', 'mobile-app', 'production, staging', '24h (last 24 hours)', '2026-11-26 11:58 UTC']) assert.ok(text.includes(s), s);
  });

  it('says the period and environments in the header, right above the headline cards, and in the cards\' name', () => {
    const model = sampleModel();
    model.scope = { ...model.scope!, environments: ['staging'], summaryPeriod: '7d' };
    const root = renderPanel(model);
    const said = (where: string) => findAll(root, (el) => el.attrs['data-scope'] === where).map(textOf);
    assert.deepEqual(said('header'), ['Last 7 days · staging']);
    const cards = findAll(root, (el) => el.attrs.class === 'headline-section');
    assert.equal(cards[0].attrs['aria-label'], 'Headline figures, Last 7 days · staging');
    assert.equal(cards[0].attrs['data-scope-of-cards'], 'Last 7 days · staging');
  });

  it('marks stale figures with the words the tree and the status bar use', () => {
    const model = sampleModel({ phase: 'error', error: { message: 'Session file not found: /w/s.ndjson', fixTitle: 'Open Settings' } });
    const alert = findAll(renderPanel(model), (el) => el.attrs.role === 'alert');
    assert.equal(alert.length, 1);
    assert.match(textOf(alert[0]), /Session file not found: \/w\/s\.ndjson Not updated: figures of 2026-11-26 11:58 UTC\./);
  });

  it('gives the chart an accessible name with its period, and its values as a table', () => {
    const model = sampleModel();
    const root = renderPanel(model);
    const [chart] = findAll(root, (el) => el.attrs['data-chart'] === 'series');
    assert.equal(chart.attrs.role, 'img');
    assert.match(chart.attrs['aria-label'], /^Chart: Sessions per hour, last 24 hours: 2,760 in total, peak 230 in one hour, 24 hours\.$/);
    const [table] = findAll(root, (el) => el.attrs['data-chart-table'] === 'series');
    const cells = findAll(table, (el) => el.tag === 'td');
    assert.deepEqual(cells.map((c) => Number(c.attrs['data-value'])), model.health!.stats['24h'].map((p) => p[1]));
    const rows = findAll(table, (el) => el.tag === 'th' && el.attrs.scope === 'row').map(textOf);
    assert.equal(rows[0], `${new Date(1_764_000_000 * 1000).toISOString().slice(0, 10)} ${new Date(1_764_000_000 * 1000).toISOString().slice(11, 16)} UTC`);
    const [heading] = findAll(root, (el) => el.attrs.id === 'series-title');
    assert.equal(textOf(heading), 'Sessions per hour, last 24 hours');
  });
});
