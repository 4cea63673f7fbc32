// startServer: the local Sentry-style server, in-process (tests, benchmarks) or from the CLI.
// It recovers the data dir's log, seeds demo data and imports a file if asked, then listens.
import * as http from 'http';
import type { AddressInfo } from 'net';
import { Authenticator } from './http/auth';
import { seedDemo } from './demoSeed';
import { DurableStore, recoveryLines, type RecoveryReport } from './store/durableStore';
import { importSessionFile, type ImportReport } from './ingest/importFile';
import { resolveOptions, type ServerOptions } from './options';
import { nameFromSlug, ProjectRegistry, type ProjectInfo } from './store/projectRegistry';
import { RangeReader } from './query/rangeStats';
import { RateLimiter } from './http/rateLimit';
import { route, type RouterContext } from './http/router';
import { SessionStore } from './store/sessionStore';
import { capConnections } from './http/connectionCap';
import { DecodeBudget } from './http/requestBody';
import { DropLog } from './ingest/dropLog';
import { AutoProjects } from './ingest/autoProjects';

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  host: string;
  port: number;
  org: string;
  /** DSN of the first project: `http://KEY@127.0.0.1:PORT/ID`. */
  dsn: string;
  /** DSN for any project id (an undeclared id creates `project-ID` on first envelope). */
  dsnFor(projectId: number): string;
  /** The full-access API token. */
  token: string;
  dsnKeys: string[];
  projects(): ProjectInfo[];
  store: SessionStore;
  recovery: RecoveryReport | null;
  importReport: ImportReport | null;
  demoLines: number;
  /** Stops listening, lets in-flight requests finish, closes the log. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const o = resolveOptions(options);
  const startedAt = o.clock() / 1000;
  const registry = new ProjectRegistry();
  for (const p of o.projects) {
    registry.add({ id: p.id, slug: p.slug, name: p.name ?? nameFromSlug(p.slug), platform: p.platform ?? null, dateCreated: Math.floor(startedAt) });
  }
  const store = new SessionStore();
  let durable: DurableStore;
  let recovery: RecoveryReport | null = null;
  if (o.dataDir) {
    const opened = DurableStore.open(o.dataDir, registry, store, o.log);
    durable = opened.durable;
    recovery = opened.recovery;
    for (const line of recoveryLines(recovery)) o.log(line);
  } else {
    durable = DurableStore.memory(registry, store);
  }

  try {
    let demoLines = 0;
    if (o.demoSessions !== null) demoLines = seedDemo(durable, o.demoSessions, startedAt).lines;
    let importReport: ImportReport | null = null;
    if (o.importFile) {
      importReport = await importSessionFile(o.importFile, durable, o.projects[0]?.slug ?? 'default', startedAt);
    }

    const drops = new DropLog(o.log);
    const ctx: RouterContext = {
      org: o.org,
      orgId: '1',
      orgCreated: Math.floor(startedAt),
      auth: new Authenticator([{ token: o.token }, ...o.tokens]),
      limiter: new RateLimiter({ limit: o.rateLimit, concurrentLimit: o.concurrentLimit, enforceConcurrency: o.enforceConcurrency, clock: o.clock }),
      data: { registry, store, reader: new RangeReader(store), shuffleTies: o.shuffleTies },
      ingest: {
        durable,
        keys: new Set(o.dsnKeys),
        now: () => o.clock() / 1000,
        budget: new DecodeBudget(o.decodeBudgetBytes),
        drops,
        autoProjects: new AutoProjects(registry, o.maxAutoProjects, () => o.clock() / 1000),
      },
      latencyMs: o.latencyMs,
      clock: o.clock,
      log: o.log,
    };
    // Slow clients are cut: the headers and the whole request each have a deadline (checked every
    // second, not Node's 30 s), and beyond the connection cap the oldest connection is closed.
    const server = http.createServer({
      headersTimeout: o.headersTimeoutMs,
      requestTimeout: o.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, o.headersTimeoutMs),
    }, (req, res) => {
      void route(req, res, ctx);
    });
    server.keepAliveTimeout = 5000;
    capConnections(server, o.maxConnections);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const hostForUrl = o.host.includes(':') ? `[${o.host}]` : o.host;
    const url = `http://${hostForUrl}:${port}`;
    const dsnFor = (projectId: number): string => `http://${o.dsnKeys[0]}@${hostForUrl}:${port}/${projectId}`;
    const firstProject = o.projects[0]?.id ?? registry.list()[0]?.id ?? 1;
    let closing: Promise<void> | null = null;
    return {
      url,
      host: o.host,
      port,
      org: o.org,
      dsn: dsnFor(firstProject),
      dsnFor,
      token: o.token,
      dsnKeys: o.dsnKeys,
      projects: () => registry.list(),
      store,
      recovery,
      importReport,
      demoLines,
      close: () => {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 2000).unref();
          });
          drops.flush();
          await durable.close();
          const stats = durable.logStats;
          if (stats && stats.syncs > 0) o.log(`storage log: ${stats.frames} frames made durable by ${stats.syncs} fsyncs (${(stats.frames / stats.syncs).toFixed(1)} a fsync)`);
        })();
        return closing;
      },
    };
  } catch (err) {
    await durable.close();
    throw err;
  }
}
