// Shared by the server tests: an in-process server on a free port with a fixed clock, and small
// HTTP helpers (real requests over loopback, nothing mocked).
import * as zlib from 'zlib';
import { startServer, type RunningServer } from '../../../src/server/server';
import type { ServerOptions } from '../../../src/server/options';

/** Tests' "now": Sentry's own fixture time of day (12:27:28). */
export const NOW_MS = Date.parse('2026-11-26T12:27:28Z');
export const NOW = NOW_MS / 1000;
export const TOKEN = 'test-token';
export const KEY = 'testkey';

export function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

export async function testServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, now: NOW_MS, token: TOKEN, dsnKey: KEY, projects: [{ slug: 'app', id: 1 }], ...options });
}

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export type Params = Array<[string, string]> | Record<string, string | string[]>;

export function query(params: Params): string {
  const pairs: Array<[string, string]> = Array.isArray(params)
    ? params
    : Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]]));
  return new URLSearchParams(pairs).toString();
}

export async function api(server: RunningServer, endpoint: string, params: Params = {}, token: string | null = TOKEN, org = 'sentry'): Promise<Reply> {
  const qs = query(params);
  const res = await fetch(`${server.url}/api/0/organizations/${org}/${endpoint ? `${endpoint}/` : ''}${qs ? `?${qs}` : ''}`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export async function get(url: string, token: string | null = TOKEN): Promise<Reply> {
  const res = await fetch(url, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: JSON.parse(await res.text()), headers: res.headers };
}

export function sessions(server: RunningServer, params: Params, token: string | null = TOKEN): Promise<Reply> {
  return api(server, 'sessions', params, token);
}

export function envelopeBody(items: Array<{ type: string; payload: unknown; length?: boolean }>, header: Record<string, unknown> = {}): Buffer {
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`)];
  for (const item of items) {
    const payload = Buffer.from(typeof item.payload === 'string' ? item.payload : JSON.stringify(item.payload));
    const head = item.length ? { type: item.type, length: payload.length } : { type: item.type };
    parts.push(Buffer.from(`${JSON.stringify(head)}\n`), payload, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

export async function postEnvelope(
  server: RunningServer,
  projectId: number,
  body: Buffer,
  opts: { encoding?: 'gzip' | 'deflate' | 'br'; key?: string | null; via?: 'header' | 'query' } = {},
): Promise<Reply> {
  const key = opts.key === undefined ? KEY : opts.key;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-sentry-envelope' };
  let data = body;
  if (opts.encoding === 'gzip') data = zlib.gzipSync(body);
  if (opts.encoding === 'deflate') data = zlib.deflateSync(body);
  if (opts.encoding === 'br') data = zlib.brotliCompressSync(body);
  if (opts.encoding) headers['Content-Encoding'] = opts.encoding;
  let url = `${server.url}/api/${projectId}/envelope/`;
  if (key !== null && opts.via === 'query') url += `?sentry_key=${key}&sentry_version=7`;
  else if (key !== null) headers['X-Sentry-Auth'] = `Sentry sentry_key=${key}, sentry_version=7, sentry_client=test/1.0`;
  const res = await fetch(url, { method: 'POST', headers, body: new Uint8Array(data) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** A session update as an SDK sends it. */
export function update(fields: {
  sid?: string; did?: string; init?: boolean; started: number; status?: string; errors?: number;
  release?: string; environment?: string; duration?: number; abnormal_mechanism?: string;
}): Record<string, unknown> {
  const { release = 'r1', environment = 'production', started, ...rest } = fields;
  return { ...rest, started: iso(started), timestamp: iso(started), attrs: { release, environment } };
}

export function aggregates(entries: Array<Record<string, unknown>>, release = 'r1', environment = 'production'): Record<string, unknown> {
  return { aggregates: entries.map((e) => ({ ...e, started: iso(e.started as number) })), attrs: { release, environment } };
}

/** Posts session updates (one `session` item each) and aggregates (`sessions` items) in one envelope. */
export async function ingest(server: RunningServer, docs: Array<Record<string, unknown>>, projectId = 1): Promise<void> {
  const items = docs.map((d) => ({ type: d.aggregates ? 'sessions' : 'session', payload: d }));
  const reply = await postEnvelope(server, projectId, envelopeBody(items));
  if (reply.status !== 200) throw new Error(`ingest failed: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** The group whose `by` has exactly these values. */
export function group(body: any, by: Record<string, unknown>): any {
  return body.groups.find((g: any) => Object.keys(by).length === Object.keys(g.by).length && Object.entries(by).every(([k, v]) => g.by[k] === v));
}
