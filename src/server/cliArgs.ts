// Command line of release-health-server, parsed with node's util.parseArgs into ServerOptions.
import { parseStrictArgs, UsageError } from '../cli/usageError';
import { DEFAULT_PORT, type ProjectOption, type ServerOptions } from './options';

export const USAGE = `Usage: release-health-server [options]
  --port N            port (default ${DEFAULT_PORT}; 0 = any free port)
  --host HOST         address to bind (default 127.0.0.1, loopback only)
  --data DIR          keep data durably in DIR (default: in memory)
  --org SLUG          organization slug (default sentry)
  --project SLUG=ID   declare a project (repeatable)
  --key KEY           DSN public key (default: random, printed)
  --token TOKEN       API token (default: random, printed)
  --org-token TOKEN   an organization token (scope org:ci only, as Sentry's sntrys_ tokens; repeatable)
  --shuffle-ties      order /sessions/ groups with equal values differently on every request
  --import FILE       import raw-session NDJSON (lines may carry "project": slug)
  --demo              seed the deterministic demo dataset (30,000 sessions, as the extension's demo)
  --latency-ms N      delay added to every API request
  --rate-limit N      API requests per second per caller and endpoint (over it: 429)
  --max-auto-projects N  projects envelopes may create by naming an undeclared id (default 100)
  -h, --help          this help`;

export { UsageError };

function integer(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}

function project(text: string): ProjectOption {
  const m = /^([A-Za-z0-9][A-Za-z0-9_-]*)=(\d+)$/.exec(text);
  if (!m || Number(m[2]) < 1) throw new UsageError(`--project must be SLUG=ID (ID a positive integer), got ${JSON.stringify(text)}`);
  return { slug: m[1], id: Number(m[2]) };
}

/** null when help was asked for. */
export function parseCliArgs(argv: string[]): ServerOptions | null {
  const values = parseStrictArgs(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    org: { type: 'string' },
    project: { type: 'string', multiple: true },
    key: { type: 'string' },
    token: { type: 'string' },
    'org-token': { type: 'string', multiple: true },
    'shuffle-ties': { type: 'boolean' },
    import: { type: 'string' },
    demo: { type: 'boolean' },
    'latency-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    'max-auto-projects': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return null;
  const projects = (values.project ?? []).map(project);
  const ids = new Set(projects.map((p) => p.id));
  const slugs = new Set(projects.map((p) => p.slug));
  if (ids.size !== projects.length || slugs.size !== projects.length) throw new UsageError('--project: each slug and each id may be declared once');
  if (values.org !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(values.org)) throw new UsageError(`--org must be a slug, got ${JSON.stringify(values.org)}`);
  return {
    port: integer('port', values.port, 0),
    host: values.host,
    dataDir: values.data,
    org: values.org,
    projects,
    dsnKey: values.key,
    token: values.token,
    ...(values['org-token'] ? { orgTokens: values['org-token'] } : {}),
    ...(values['shuffle-ties'] ? { shuffleTies: true } : {}),
    importFile: values.import,
    demo: values.demo ?? false,
    latencyMs: integer('latency-ms', values['latency-ms'], 0),
    rateLimit: integer('rate-limit', values['rate-limit'], 1),
    maxAutoProjects: integer('max-auto-projects', values['max-auto-projects'], 0),
  };
}
