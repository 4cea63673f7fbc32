// `release-health workspace`: the release holding the folder's git HEAD, its deploys and health.
// JSON keys: release, project, matchedBy, head, commitsAhead, deploys, health. Exit 0 when a
// release was found, 1 when none (HEAD is not in any release yet), 2 on usage or input errors.
import * as fs from 'fs';
import type { Overview, ReleaseHealth } from '../health/types';
import { readGitFacts } from '../workspace/gitCli';
import { readFolderFacts } from '../workspace/readFolder';
import { resolveWorkspaceRelease } from '../workspace/resolveWorkspaceRelease';
import type { KnownRelease, WorkspaceMatch } from '../workspace/types';
import { matchedByLabel, notDeployed, notInARelease, shortSha, workspaceMark } from '../present/workspaceRelease';
import { formatTime } from '../present/time';
import { printable } from '../present/printable';
import { formatCount, formatPercent } from '../present/numbers';
import { healthStatusLabel } from '../present/healthStatus';
import type { OverviewArgs } from './overviewArgs';
import { fileSource, overviewSources, type CommandIO } from './overviewCommand';
import { UsageError } from './usageError';
import type { WorkspaceArgs } from './workspaceArgs';
import type * as ApiSource from './apiSource';

export interface WorkspaceReport {
  release: string | null;
  project: string | null;
  matchedBy: WorkspaceMatch['matchedBy'];
  head: string | null;
  commitsAhead: number | null;
  deploys: Array<{ environment: string; dateFinished: string | null }>;
  health: ReleaseHealth | null;
}

function overviewArgsOf(args: WorkspaceArgs): OverviewArgs {
  const { cwd: _cwd, ...source } = args;
  return {
    ...source,
    healthPeriod: '24h',
    stat: 'sessions',
    defaultProject: args.file !== null ? args.projects[0] ?? 'default' : 'default',
    releases: [],
    // The health object is printed as JSON inside the report, whatever the report's format.
    format: 'json',
    gates: [],
    minSessions: null,
  };
}

function parseIso(text: string | null): number | null {
  const ms = text === null ? NaN : Date.parse(text);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

export async function runWorkspace(args: WorkspaceArgs, io: CommandIO): Promise<number> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(args.cwd);
  } catch {
    throw new UsageError(`cannot use --cwd '${args.cwd}': no such directory`);
  }
  if (!stat.isDirectory()) throw new UsageError(`cannot use --cwd '${args.cwd}': not a directory`);
  if (args.file !== null && args.projects.length > 1) throw new UsageError('--project names the one project of lines that carry none; give it once');

  const overviewArgs = overviewArgsOf(args);
  const [git, folder] = await Promise.all([readGitFacts(args.cwd), readFolderFacts(args.cwd, io.env)]);
  let overview: Overview;
  let releases: KnownRelease[];
  let projects: string[];
  let deploysOf: (version: string) => Promise<WorkspaceReport['deploys']> = async () => [];
  if (args.file !== null) {
    overview = await fileSource(overviewArgs);
    releases = overview.releases.map((r) => ({ project: r.project, version: r.release, dateCreated: parseIso(r.firstSeen), commits: [] }));
    projects = Array.from(new Set(overview.releases.map((r) => r.project)));
  } else {
    if (!overviewSources.url) throw new UsageError('--url is not supported by this build');
    const api = (require('./apiSource') as typeof ApiSource).workspaceApi(args, io);
    const [o, a] = await Promise.all([overviewSources.url(overviewArgs, io), api]);
    overview = o;
    releases = a.releases;
    projects = a.projects;
    deploysOf = a.deploysOf;
  }
  const match = resolveWorkspaceRelease({ git, folder, releases, project: args.projects.length === 1 ? args.projects[0] : null, projects });
  const report: WorkspaceReport = {
    release: match.release,
    project: match.project,
    matchedBy: match.matchedBy,
    head: match.head,
    commitsAhead: match.commitsAhead,
    deploys: match.release === null ? [] : await deploysOf(match.release),
    health: match.release === null ? null : overview.releases.find((r) => r.project === match.project && r.release === match.release) ?? null,
  };
  if (args.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(formatWorkspace(report, git === null));
  return match.release === null ? 1 : 0;
}

export function formatWorkspace(r: WorkspaceReport, notARepository: boolean): string {
  const lines: Array<[string, string]> = [['HEAD', notARepository ? 'not a git repository' : r.head === null ? 'no commits yet' : shortSha(r.head)]];
  if (r.release === null) {
    lines.push(['RELEASE', notInARelease()]);
  } else {
    lines.push(['RELEASE', `${printable(r.release)} (${printable(r.project ?? '-')}) · ${workspaceMark(r)}`]);
    lines.push(['MATCHED BY', matchedByLabel(r.matchedBy!)]);
    lines.push(['DEPLOYS', r.deploys.length === 0 ? notDeployed() : r.deploys.map((d) => `${printable(d.environment)} ${formatTime(d.dateFinished)}`).join(', ')]);
    const h = r.health;
    lines.push(['HEALTH', h === null || !h.hasHealthData ? 'no data (90d)'
      : `${healthStatusLabel(h.healthStatus)} · ${formatPercent(h.crashFreeSessions)} crash-free sessions · ${formatCount(h.sessionsErrored)} errored`]);
  }
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}
