import { strict as assert } from 'assert';
import { savedReleaseKey } from '../../../../src/extension/panel/savedReleaseKey';
import { panelRequestOf } from '../../../../src/extension/panel/webviewRequests';
import { WebviewMessageType } from '../../../../src/webview/protocol';
import { sampleModel } from '../../webview/sampleRelease';

describe('extension/panel/webviewRequests', () => {
  const url = 'https://sentry.io/organizations/acme/releases/mobile-app%402.5.0/';
  const model = sampleModel({ links: { openInSentry: url, previousReleaseInSentry: null } });

  it('answers ready with the state and passes refresh on', () => {
    assert.deepEqual(panelRequestOf({ type: WebviewMessageType.Ready }, null), { kind: 'sendState' });
    assert.deepEqual(panelRequestOf({ type: WebviewMessageType.Refresh }, model), { kind: 'refresh' });
  });

  it('opens only the links the host put in the model', () => {
    assert.deepEqual(panelRequestOf({ type: WebviewMessageType.OpenExternal, url }, model), { kind: 'openExternal', url });
    assert.equal(panelRequestOf({ type: WebviewMessageType.OpenExternal, url: 'https://evil.example/' }, model), null);
    const sneaky = sampleModel({ links: { openInSentry: 'command:workbench.action.reloadWindow', previousReleaseInSentry: null } });
    assert.equal(panelRequestOf({ type: WebviewMessageType.OpenExternal, url: 'command:workbench.action.reloadWindow' }, sneaky), null);
  });

  it('opens only the previous release of the same source and project', () => {
    assert.deepEqual(panelRequestOf({ type: WebviewMessageType.OpenRelease, release: 'mobile-app@2.4.1' }, model), {
      kind: 'openRelease',
      key: { source: 'demo', project: 'mobile-app', release: 'mobile-app@2.4.1' },
    });
    assert.equal(panelRequestOf({ type: WebviewMessageType.OpenRelease, release: 'other' }, model), null);
  });

  it('runs the fix only while there is an error, and ignores malformed messages', () => {
    assert.equal(panelRequestOf({ type: WebviewMessageType.RunFix }, model), null);
    assert.deepEqual(panelRequestOf({ type: WebviewMessageType.RunFix }, sampleModel({ phase: 'error', error: { message: 'x', fixTitle: 'Retry' } })), { kind: 'runFix' });
    for (const bad of [undefined, 42, { type: 'releaseHealth/exec', command: 'x' }, { type: WebviewMessageType.OpenExternal }]) assert.equal(panelRequestOf(bad, model), null);
  });

  it('reads the release key back from the saved state', () => {
    assert.deepEqual(savedReleaseKey({ key: { source: 'file', project: 'p', release: 'r' }, model: null, extra: 1 }), { source: 'file', project: 'p', release: 'r' });
    assert.equal(savedReleaseKey(undefined), null);
    assert.equal(savedReleaseKey({ key: { source: 'file', project: 'p' } }), null);
  });
});
