// A local HTTP server for the API client's tests (127.0.0.1, ephemeral port). The handler
// decides everything, so tests can misbehave on purpose: garbage, HTML, truncation, stalls.
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, n: number) => void | Promise<void>;

export interface FakeServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  handler: Handler;
  close(): Promise<void>;
}

export async function startFake(handler: Handler): Promise<FakeServer> {
  const sockets = new Set<import('net').Socket>();
  const fake: FakeServer = {
    url: '',
    port: 0,
    requests: [],
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    fake.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
    Promise.resolve(fake.handler(req, res, url, fake.requests.length)).catch((err) => {
      res.statusCode = 599;
      res.end(String(err));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${fake.port}`;
  return fake;
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
