// `release-health overview`: prints the overview and applies the CI gates.
import * as fs from 'fs';
import type { AgeWindowStats, EqualAgeRequest } from '../health/equalAge';
import type { Overview, SkipReport } from '../health/types';
import { computeFileOverview } from '../raw/fileOverview';
import { evaluateGates, GATE_EXIT_CODES } from './failUnder';
import { formatTable } from './formatTable';
import { overviewOptionsOf, type OverviewArgs } from './overviewArgs';
import { UsageError } from './usageError';

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** What a source returns: the overview, lines it skipped, and the equal-age windows when asked. */
export type SourceOverview = Overview & { skipped?: SkipReport; ageWindows?: Record<string, AgeWindowStats | null> };

export type OverviewSource = (args: OverviewArgs, io: CommandIO, extra?: { equalAge?: EqualAgeRequest }) => Promise<SourceOverview>;

export async function fileSource(args: OverviewArgs, _io?: CommandIO, extra: { equalAge?: EqualAgeRequest } = {}): Promise<SourceOverview> {
  const path = args.file!;
  // Sync calls throughout: the CLI's thread has nothing else to do meanwhile (and fs.promises
  // would load the stream modules for a few calls).
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (err) {
    throw new UsageError(`cannot read --file '${path}': ${statError(err)}`);
  }
  if (!stat.isFile()) throw new UsageError(`cannot read --file '${path}': not a file`);
  try {
    fs.accessSync(path, fs.constants.R_OK);
  } catch {
    throw new UsageError(`cannot read --file '${path}': permission denied`);
  }
  return computeFileOverview(path, {
    ...overviewOptionsOf(args),
    defaultProject: args.defaultProject,
    // The CLI's thread has nothing else to do: it reads a range itself, beside the workers, and
    // reads a small file with blocking calls.
    read: { mainThreadRange: true, blocking: true },
    equalAge: extra.equalAge,
  });
}

/** What a failed stat means, in words (the code and the system's message for the rest). */
export function statError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'the path is too long';
    default: return e?.code ? `${e.code}: ${e.message}` : String(err);
  }
}

/** Sources other than a file register here (the API source adds `--url`). */
export const overviewSources: { url?: OverviewSource } = {};

/** The overview of the source the arguments name (--file or --url); `mcp` reads through it too. */
export async function loadOverview(args: OverviewArgs, io: CommandIO): Promise<Overview & { skipped?: SkipReport }> {
  if (args.file !== null) return fileSource(args);
  if (overviewSources.url) return overviewSources.url(args, io);
  throw new UsageError('--url is not supported by this build');
}

export async function runOverview(args: OverviewArgs, io: CommandIO): Promise<number> {
  let overview = await loadOverview(args, io);

  const all = overview.releases;
  if (args.releases.length > 0) {
    const wanted = new Set(args.releases);
    overview = { ...overview, releases: overview.releases.filter((r) => wanted.has(r.release)) };
  }
  const skipped = overview.skipped ?? { count: 0, samples: [] };
  const { skipped: _omit, ...rest } = overview;
  void _omit;
  const gate = evaluateGates(overview.releases, all, args.gates, { requested: args.releases, minSessions: args.minSessions, skipped });
  const reasons = [...gate.failures, ...gate.insufficient];
  if (args.format === 'json') {
    const doc = args.gates.length > 0 ? { ...rest, skipped, gate: { result: gate.result, reasons } } : { ...rest, skipped };
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
  } else {
    io.stdout(formatTable({ ...rest, skipped }));
    if (args.gates.length > 0) io.stdout(`Gate: ${gate.result}${reasons.length > 0 ? ` (${printableReasons(reasons)})` : ''}\n`);
  }
  if (gate.result === 'fail') io.stderr(`release-health: gate failed: ${printableReasons(gate.failures)}${gate.insufficient.length > 0 ? `; insufficient-data: ${printableReasons(gate.insufficient)}` : ''}\n`);
  else if (gate.result === 'insufficient-data') io.stderr(`release-health: gate insufficient-data: ${printableReasons(gate.insufficient)}\n`);
  return GATE_EXIT_CODES[gate.result];
}

/** Release names are the data's; control characters must not reach the terminal. */
function printableReasons(reasons: string[]): string {
  return reasons.join('; ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
