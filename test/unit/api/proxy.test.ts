// VS Code's http.proxy / http.proxyStrictSSL: https targets are tunnelled with CONNECT, plain
// http goes through a forward proxy, and strictSSL decides whether a self-signed cert passes.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { checkConnection } from '../../../src/api/fetchApiOverview';
import { SentryApiError } from '../../../src/api/errors';

const TOKEN = 'sntryu_proxy_test_token_123456';
const ORG = { id: '1', slug: 'acme', name: 'Acme' };
/** What checkConnection gives back for ORG: no region apart from the base URL. */
const CONNECTED = { ...ORG, regionUrl: null };

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function selfSigned(): { key: string; cert: string } | null {
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    return { key: fs.readFileSync(path.join(dir, 'k.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'c.pem'), 'utf8') };
  } catch {
    return null;
  }
}

describe('api: proxy and TLS settings', function () {
  this.timeout(30000);
  const closers: Array<() => void> = [];
  const connects: string[] = [];
  const forwarded: string[] = [];
  let tlsPort = 0;
  let proxyPort = 0;
  let tlsReady = false;

  before(async () => {
    const pair = selfSigned();
    if (pair) {
      const target = https.createServer(pair, (req, res) => {
        res.writeHead(req.headers.authorization === `Bearer ${TOKEN}` ? 200 : 401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(/\/projects\//.test(req.url ?? '') ? [] : ORG));
      });
      tlsPort = await listen(target);
      closers.push(() => target.close());
      tlsReady = true;
    }
    const sockets = new Set<net.Socket>();
    const proxy = http.createServer((req, res) => {
      // A forward proxy for plain http: the request line carries the absolute URL.
      forwarded.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(/\/projects\//.test(req.url ?? '') ? [] : { ...ORG, name: 'via forward proxy' }));
    });
    proxy.on('connect', (req, client: net.Socket, head: Buffer) => {
      connects.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
      }
    });
    proxyPort = await listen(proxy);
    closers.push(() => {
      for (const s of sockets) s.destroy();
      proxy.close();
    });
  });

  after(() => closers.forEach((c) => c()));

  it('tunnels https through the proxy with CONNECT (strictSSL off accepts a self-signed cert)', async function () {
    if (!tlsReady) this.skip();
    const org = await checkConnection(
      { baseUrl: `https://127.0.0.1:${tlsPort}`, organization: 'acme', proxy: { proxyUrl: `http://127.0.0.1:${proxyPort}`, strictSSL: false } },
      TOKEN,
    );
    assert.deepEqual(org, CONNECTED);
    assert.deepEqual(connects, [`127.0.0.1:${tlsPort}`]);
  });

  it('with strictSSL on, an untrusted certificate is a clear network error', async function () {
    if (!tlsReady) this.skip();
    await assert.rejects(
      checkConnection({ baseUrl: `https://127.0.0.1:${tlsPort}`, organization: 'acme', proxy: { proxyUrl: `http://127.0.0.1:${proxyPort}`, strictSSL: true } }, TOKEN),
      (err: unknown) => err instanceof SentryApiError && err.kind === 'network' && /TLS certificate of 127\.0\.0\.1:\d+ is not trusted/.test(err.message) && !err.message.includes(TOKEN),
    );
  });

  it('applies strictSSL without a proxy too', async function () {
    if (!tlsReady) this.skip();
    const base = { baseUrl: `https://127.0.0.1:${tlsPort}/`, organization: 'acme', env: {} };
    assert.deepEqual(await checkConnection({ ...base, proxy: { strictSSL: false } }, TOKEN), CONNECTED);
    await assert.rejects(checkConnection(base, TOKEN), (err: unknown) => err instanceof SentryApiError && err.kind === 'network');
  });

  it('sends plain http through a forward proxy', async () => {
    const org = await checkConnection({ baseUrl: 'http://sentry.internal.example:9000', organization: 'acme', proxy: { proxyUrl: `http://127.0.0.1:${proxyPort}` } }, TOKEN);
    assert.equal(org.name, 'via forward proxy');
    assert.deepEqual(forwarded, [
      'http://sentry.internal.example:9000/api/0/organizations/acme/?detailed=0',
      'http://sentry.internal.example:9000/api/0/organizations/acme/projects/?per_page=1',
    ]);
  });

  it('an unreachable proxy is named in the error', async () => {
    await assert.rejects(
      checkConnection({ baseUrl: 'https://sentry.io', organization: 'acme', proxy: { proxyUrl: 'http://user:pw@127.0.0.1:1' }, retry: { maxRetries: 0 } }, TOKEN),
      (err: unknown) => err instanceof SentryApiError && err.kind === 'network' && /Connection refused by http:\/\/127\.0\.0\.1:1/.test(err.message) && !err.message.includes('pw'),
    );
  });
});
