// The folder's own say about its release and project, parsed from file text (pure): SENTRY_RELEASE
// in the environment, then `.env`, then `.sentryclirc`; `name@version` from package.json.
import type { FolderFacts } from './types';

export interface FolderTexts {
  env: Readonly<Record<string, string | undefined>>;
  dotEnv: string | null;
  sentryCliRc: string | null;
  packageJson: string | null;
}

/** `.env`: KEY=VALUE lines, `export ` allowed, `#` comments, single or double quotes. */
export function parseDotEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    let value = m[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2) {
      const end = value.indexOf(quote, 1);
      value = end > 0 ? value.slice(1, end) : value.slice(1);
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out.set(m[1], value);
  }
  return out;
}

/** `.sentryclirc` (INI): `section.key` -> value; keys before any section have no prefix. */
export function parseIni(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) {
      section = s[1].trim().toLowerCase();
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (kv) out.set(section ? `${section}.${kv[1].toLowerCase()}` : kv[1], kv[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return out;
}

export function packageRelease(text: string): string | null {
  try {
    const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
    return typeof pkg.name === 'string' && pkg.name !== '' && typeof pkg.version === 'string' && pkg.version !== ''
      ? `${pkg.name}@${pkg.version}`
      : null;
  } catch {
    return null;
  }
}

const nonEmpty = (v: string | undefined): string | null => (v !== undefined && v.trim() !== '' ? v.trim() : null);

export function folderFacts(t: FolderTexts): FolderFacts {
  const dotEnv = t.dotEnv === null ? new Map<string, string>() : parseDotEnv(t.dotEnv);
  const rc = t.sentryCliRc === null ? new Map<string, string>() : parseIni(t.sentryCliRc);
  const fromEnv = nonEmpty(t.env.SENTRY_RELEASE);
  const fromDotEnv = nonEmpty(dotEnv.get('SENTRY_RELEASE'));
  const fromRc = nonEmpty(rc.get('SENTRY_RELEASE') ?? rc.get('defaults.release'));
  const envRelease = fromEnv !== null ? { value: fromEnv, from: 'environment' }
    : fromDotEnv !== null ? { value: fromDotEnv, from: '.env' }
      : fromRc !== null ? { value: fromRc, from: '.sentryclirc' } : null;
  return {
    envRelease,
    packageRelease: t.packageJson === null ? null : packageRelease(t.packageJson),
    configuredProject: nonEmpty(t.env.SENTRY_PROJECT) ?? nonEmpty(dotEnv.get('SENTRY_PROJECT')) ?? nonEmpty(rc.get('defaults.project')),
  };
}
