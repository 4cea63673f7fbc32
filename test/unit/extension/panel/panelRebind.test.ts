import { strict as assert } from 'assert';
import { panelRebinds } from '../../../../src/extension/panel/panelRebind';
import type { ReleaseKey } from '../../../../src/extension/store/storeTypes';

const key = (source: ReleaseKey['source'], project: string, release: string): ReleaseKey => ({ source, project, release });

describe('extension/panel: panels follow a change of source', () => {
  const inSentry = new Set(['desktop/desktop@5.2.0', 'web-frontend/web@1.20.0']);
  const has = (k: ReleaseKey) => k.source === 'sentry' && inSentry.has(`${k.project}/${k.release}`);

  it('moves a panel to the new source when it has the same release', () => {
    assert.deepEqual(panelRebinds([key('demo', 'desktop', 'desktop@5.2.0')], 'sentry', has), [
      { from: key('demo', 'desktop', 'desktop@5.2.0'), to: key('sentry', 'desktop', 'desktop@5.2.0') },
    ]);
  });

  it('leaves a panel whose release the new source does not have', () => {
    assert.deepEqual(panelRebinds([key('demo', 'mobile-app', 'mobile-app@2.4.1')], 'sentry', has), []);
  });

  it('leaves panels already on the current source, and never makes two panels of one release', () => {
    const open = [key('sentry', 'desktop', 'desktop@5.2.0'), key('demo', 'desktop', 'desktop@5.2.0'), key('file', 'web-frontend', 'web@1.20.0'), key('demo', 'web-frontend', 'web@1.20.0')];
    assert.deepEqual(panelRebinds(open, 'sentry', has), [
      { from: key('file', 'web-frontend', 'web@1.20.0'), to: key('sentry', 'web-frontend', 'web@1.20.0') },
    ]);
  });

  it('a project of the same name but another release is another panel', () => {
    assert.deepEqual(panelRebinds([key('demo', 'desktop', 'desktop@5.1.0')], 'sentry', has), []);
  });
});
