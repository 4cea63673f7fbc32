// `release-health overview`: prints the overview and applies the CI gates.
import * as fs from 'fs';
import type { Overview, SkipReport } from '../health/types';
import { computeFileOverview } from '../raw/fileOverview';
import { failedGates } from './failUnder';
import { formatTable } from './formatTable';
import { overviewOptionsOf, type OverviewArgs } from './overviewArgs';
import { UsageError } from './usageError';

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export type OverviewSource = (args: OverviewArgs, io: CommandIO) => Promise<Overview & { skipped?: SkipReport }>;

async function fileSource(args: OverviewArgs): Promise<Overview & { skipped: SkipReport }> {
  const path = args.file!;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (err) {
    throw new UsageError(`cannot read --file '${path}': ${statError(err)}`);
  }
  if (!stat.isFile()) throw new UsageError(`cannot read --file '${path}': not a file`);
  try {
    await fs.promises.access(path, fs.constants.R_OK);
  } catch {
    throw new UsageError(`cannot read --file '${path}': permission denied`);
  }
  return computeFileOverview(path, {
    ...overviewOptionsOf(args),
    defaultProject: args.defaultProject,
    // The CLI's thread has nothing else to do: it reads a range itself, beside the workers.
    read: { mainThreadRange: true },
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

  if (args.releases.length > 0) {
    const wanted = new Set(args.releases);
    overview = { ...overview, releases: overview.releases.filter((r) => wanted.has(r.release)) };
  }
  const skipped = overview.skipped ?? { count: 0, samples: [] };
  const { skipped: _omit, ...rest } = overview;
  void _omit;
  if (args.format === 'json') io.stdout(JSON.stringify({ ...rest, skipped }, null, 2) + '\n');
  else io.stdout(formatTable({ ...rest, skipped }));

  const failures = failedGates(overview.releases, args.gates);
  if (failures.length > 0) {
    io.stderr(`release-health: gate failed: ${failures.join('; ')}\n`);
    return 1;
  }
  return 0;
}
