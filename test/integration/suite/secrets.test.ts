import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { extensionApi, resetSettings, waitUntil, type ReleaseHealthTestApi } from './helpers';

const ORG = 'acme';
const GOOD_TOKEN = 'sntryu_integration-test-token';

/** A minimal Sentry-style API on loopback: the organization (token checked) and an empty project list. */
function startFakeSentry(): Promise<{ url: string; authHeaders: string[]; close(): Promise<void> }> {
  const authHeaders: string[] = [];
  const server = http.createServer((req, res) => {
    authHeaders.push(String(req.headers.authorization ?? ''));
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${GOOD_TOKEN}`) return json(401, { detail: 'Invalid token' });
    const path = (req.url ?? '').split('?')[0];
    if (path === `/api/0/organizations/${ORG}/`) return json(200, { id: '1', slug: ORG, name: 'Acme' });
    if (path === `/api/0/organizations/${ORG}/projects/`) return json(200, []);
    return json(404, { detail: 'Not found' });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        authHeaders,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

interface ConnectResult {
  ok: boolean;
  message?: string;
}

describe('Sentry token in SecretStorage', () => {
  let api: ReleaseHealthTestApi;
  let sentry: Awaited<ReturnType<typeof startFakeSentry>>;
  let secretKey: string;
  const SETTINGS = ['source', 'sentry.url', 'sentry.organization', 'sentry.projects'];

  before(async () => {
    api = await extensionApi();
    sentry = await startFakeSentry();
    secretKey = `releaseHealth.sentryToken:${sentry.url}|${ORG}`;
    await resetSettings(SETTINGS);
  });
  after(async () => {
    await api.secrets.delete(secretKey);
    await resetSettings(SETTINGS);
    await sentry.close();
  });

  it('connect with a rejected token stores nothing', async () => {
    const result = await vscode.commands.executeCommand<ConnectResult>('releaseHealth.connect', { url: sentry.url, organization: ORG, token: 'wrong-token' });
    assert.strictEqual(result?.ok, false, `connect failed: ${JSON.stringify(result)}`);
    assert.ok(sentry.authHeaders.includes('Bearer wrong-token'), 'the token was checked against the server');
    assert.strictEqual(await api.secrets.get(secretKey), undefined);
    assert.notStrictEqual(vscode.workspace.getConfiguration('releaseHealth').get('source'), 'sentry');
  });

  it('connect refuses an organization token (sntrys_…) at once, sending no request', async () => {
    const orgToken = 'sntrys_organization-token-for-ci';
    const result = await vscode.commands.executeCommand<ConnectResult>('releaseHealth.connect', { url: sentry.url, organization: ORG, token: orgToken });
    assert.strictEqual(result?.ok, false);
    assert.match(result?.message ?? '', /organization token \(sntrys_…\).*org:ci.*personal token/);
    assert.ok(!sentry.authHeaders.includes(`Bearer ${orgToken}`), 'no request carried the organization token');
    assert.strictEqual(await api.secrets.get(secretKey), undefined);
  });

  it('connect with a working token stores it in SecretStorage only and switches to Sentry', async () => {
    const result = await vscode.commands.executeCommand<ConnectResult>('releaseHealth.connect', { url: sentry.url, organization: ORG, token: GOOD_TOKEN, projects: [] });
    assert.strictEqual(result?.ok, true, `connect failed: ${JSON.stringify(result)}`);
    assert.strictEqual(await api.secrets.get(secretKey), GOOD_TOKEN);
    const cfg = vscode.workspace.getConfiguration('releaseHealth');
    assert.strictEqual(cfg.get('source'), 'sentry');
    assert.strictEqual(cfg.get('sentry.url'), sentry.url);
    assert.strictEqual(cfg.get('sentry.organization'), ORG);
    // The token is nowhere in the settings.
    const all = JSON.stringify(['source', 'sentry', 'file', 'release'].map((k) => cfg.inspect(k)));
    assert.ok(!all.includes(GOOD_TOKEN), 'the token does not appear in settings');
    await waitUntil(`the store to load from the fake Sentry (state ${api.store.state.status})`, () => {
      const s = api.store.state;
      return s.status === 'ready' && s.snapshot.scope.kind === 'sentry';
    });
  });

  it('sign out deletes the token', async () => {
    assert.strictEqual(await api.secrets.get(secretKey), GOOD_TOKEN);
    await vscode.commands.executeCommand('releaseHealth.signOut');
    await waitUntil('the token to be deleted', async () => (await api.secrets.get(secretKey)) === undefined);
  });
});
