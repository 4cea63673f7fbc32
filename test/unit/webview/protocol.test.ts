import { strict as assert } from 'assert';
import { HostMessageType, isHostMessage, isPanelReleaseKey, isPanelSavedState, isWebUrl, isWebviewMessage, WebviewMessageType } from '../../../src/webview/protocol';
import { sampleModel } from './sampleRelease';

describe('webview/protocol', () => {
  it('accepts the webview messages of the protocol and nothing else', () => {
    assert.ok(isWebviewMessage({ type: WebviewMessageType.Ready }));
    assert.ok(isWebviewMessage({ type: WebviewMessageType.Refresh }));
    assert.ok(isWebviewMessage({ type: WebviewMessageType.RunFix }));
    assert.ok(isWebviewMessage({ type: WebviewMessageType.OpenExternal, url: 'https://sentry.io/' }));
    assert.ok(isWebviewMessage({ type: WebviewMessageType.OpenRelease, release: '1.0' }));
    for (const bad of [null, 'ready', [], {}, { type: 'other' }, { type: WebviewMessageType.OpenExternal }, { type: WebviewMessageType.OpenExternal, url: 5 }, { type: WebviewMessageType.OpenRelease, release: '' }]) {
      assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('checks host messages and saved state', () => {
    const model = sampleModel();
    assert.ok(isHostMessage({ type: HostMessageType.State, model }));
    assert.equal(isHostMessage({ type: HostMessageType.State, model: { ...model, phase: 'weird' } }), false);
    assert.equal(isHostMessage({ type: 'x', model }), false);
    assert.ok(isPanelSavedState({ key: model.key, model }));
    assert.ok(isPanelSavedState({ key: model.key, model: null }));
    assert.equal(isPanelSavedState({ key: { ...model.key, source: 'elsewhere' }, model: null }), false);
    assert.equal(isPanelSavedState(undefined), false);
  });

  it('checks release keys', () => {
    assert.ok(isPanelReleaseKey({ source: 'sentry', project: 'p', release: 'r' }));
    assert.equal(isPanelReleaseKey({ source: 'sentry', project: 'p' }), false);
    assert.equal(isPanelReleaseKey({ source: 'sentry', project: 'p', release: 7 }), false);
  });

  it('lets only http(s) URLs out', () => {
    assert.ok(isWebUrl('https://sentry.io/organizations/acme/releases/1.0/'));
    assert.ok(isWebUrl('http://127.0.0.1:9000/x'));
    for (const bad of ['javascript:alert(1)', 'command:workbench.action.reloadWindow', 'file:///etc/passwd', 'vscode://x', 'data:text/html,x', 'not a url']) {
      assert.equal(isWebUrl(bad), false, bad);
    }
  });
});
