// Options of the local Sentry-style server, for the CLI and for tests and benchmarks that start
// it in-process, and their defaults.
import { randomBytes } from 'crypto';
import { ORG_TOKEN_SCOPES, type TokenGrant } from './http/auth';
import { DEMO_SESSIONS } from '../demo/demoDataset';
import { DEFAULT_DECODE_BUDGET } from './http/requestBody';
import { DEFAULT_MAX_AUTO_PROJECTS } from './ingest/autoProjects';

export interface ProjectOption {
  slug: string;
  id: number;
  name?: string;
  platform?: string;
}

export interface ServerOptions {
  /** 0 picks a free port. Default 9000. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Directory of the durable log; without it everything is in memory. */
  dataDir?: string;
  /** Organization slug. Default `sentry`. */
  org?: string;
  projects?: ProjectOption[];
  /** DSN public key(s); default one random key. */
  dsnKey?: string | string[];
  /** API token with every scope and project; default random. */
  token?: string;
  /** More tokens, e.g. restricted to scopes or projects. */
  tokens?: TokenGrant[];
  /**
   * Organization tokens (`sntrys_…`, Settings › Organization Tokens): Sentry gives them only
   * `org:ci`, so they may list releases and read the organization, but /projects/ and
   * /sessions/ answer 403.
   */
  orgTokens?: string[];
  /**
   * Order groups with equal values differently on every `/sessions/` request, as ClickHouse
   * may (it keeps no order among ties): paging clients must not depend on that order. Default off.
   */
  shuffleTies?: boolean;
  /** Seed the deterministic demo dataset (in memory). `true` = DEMO_SESSIONS (30,000) sessions, as in the extension. */
  demo?: boolean | { sessions?: number };
  /** Raw-session NDJSON to import (once per data dir: re-importing the same file is a no-op). */
  importFile?: string;
  /** Added to every API request (not ingest), to imitate a remote server. */
  latencyMs?: number;
  /** API requests per second per (caller, endpoint); over it: 429. Default 10000. */
  rateLimit?: number;
  /** Concurrent API requests per (caller, endpoint); enforced only when given. */
  concurrentLimit?: number;
  /** Unix milliseconds; tests fix it. Default Date.now. */
  clock?: () => number;
  /** Fixed `now` (Unix ms or Date): shorthand for a constant clock. */
  now?: number | Date;
  /** Projects envelopes may create by naming an undeclared id; beyond it 403. Default 100. */
  maxAutoProjects?: number;
  /** Decoded envelope bytes held at once across requests; beyond it 503. Default 256 MB. */
  decodeBudgetBytes?: number;
  /** Time a client has to send a request's headers, and the whole request. Default 10 s and 30 s. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Open connections at once; beyond it the oldest is closed. Default 4096. */
  maxConnections?: number;
  /** Progress and warnings. Default: silent. */
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string | null;
  org: string;
  projects: ProjectOption[];
  dsnKeys: string[];
  token: string;
  tokens: TokenGrant[];
  shuffleTies: boolean;
  demoSessions: number | null;
  importFile: string | null;
  latencyMs: number;
  rateLimit: number;
  concurrentLimit: number;
  enforceConcurrency: boolean;
  clock: () => number;
  maxAutoProjects: number;
  decodeBudgetBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
  log: (line: string) => void;
}

export const DEFAULT_PORT = 9000;
/** The extension's demo data has as many: the same figures on both sides. */
export const DEFAULT_DEMO_SESSIONS = DEMO_SESSIONS;

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export function resolveOptions(o: ServerOptions): ResolvedOptions {
  const fixed = o.now instanceof Date ? o.now.getTime() : o.now;
  const clock = o.clock ?? (fixed !== undefined ? () => fixed : () => Date.now());
  const keys = o.dsnKey === undefined ? [randomHex(16)] : Array.isArray(o.dsnKey) ? o.dsnKey : [o.dsnKey];
  const demo = o.demo === undefined || o.demo === false ? null : o.demo === true ? DEFAULT_DEMO_SESSIONS : o.demo.sessions ?? DEFAULT_DEMO_SESSIONS;
  return {
    port: o.port ?? DEFAULT_PORT,
    host: o.host ?? '127.0.0.1',
    dataDir: o.dataDir ?? null,
    org: o.org ?? 'sentry',
    projects: o.projects ?? [],
    dsnKeys: keys,
    token: o.token ?? randomHex(32),
    tokens: [...(o.tokens ?? []), ...(o.orgTokens ?? []).map((token) => ({ token, scopes: [...ORG_TOKEN_SCOPES] }))],
    shuffleTies: o.shuffleTies ?? false,
    demoSessions: demo,
    importFile: o.importFile ?? null,
    latencyMs: o.latencyMs ?? 0,
    rateLimit: o.rateLimit ?? 10000,
    concurrentLimit: o.concurrentLimit ?? 25,
    enforceConcurrency: o.concurrentLimit !== undefined,
    clock,
    maxAutoProjects: o.maxAutoProjects ?? DEFAULT_MAX_AUTO_PROJECTS,
    decodeBudgetBytes: o.decodeBudgetBytes ?? DEFAULT_DECODE_BUDGET,
    requestTimeoutMs: o.requestTimeoutMs ?? 30_000,
    headersTimeoutMs: Math.min(o.headersTimeoutMs ?? 10_000, o.requestTimeoutMs ?? 30_000),
    maxConnections: o.maxConnections ?? 4096,
    log: o.log ?? (() => undefined),
  };
}
