// What each language-model tool answers, free of `vscode`: the store's figures for the input,
// as compact text plus a JSON document. The defaults come from the extension's settings (the
// tracked release, the thresholds), so the agent sees what the user sees.
import { quoted, releaseLine } from '../../agents/agentText';
import { comparisonText, previousReleaseOf } from '../../agents/comparisonAnswer';
import { buildComparisonReport, ComparisonError, type ComparisonReport } from '../../health/comparisonReport';
import type { EqualAgeRequest } from '../../health/equalAge';
import { checkReleaseGate, gateRequestOf, gateText, type GateResult } from '../../agents/releaseGate';
import { findOneRelease, releasesOfProject } from '../../agents/releaseLookup';
import { listReleases, releaseListText, type ReleaseList } from '../../agents/releaseList';
import { AgentToolError } from '../../agents/agentToolError';
import type { ReleaseHealth, StatsPeriod } from '../../health/types';
import { environmentsText, periodWords } from '../../present/periods';
import type { ReleaseHealthSettings } from '../settings';
import { chooseTrackedRelease } from '../statusBar/trackedRelease';
import type { ScopeOverrides } from '../store/releaseHealthStore';
import type { EqualAgeResult, StoreSnapshot } from '../store/storeTypes';
import { overridesOf, type CheckGateInput, type CompareReleasesInput, type GetReleaseInput, type ListReleasesInput } from './toolInputs';

export interface AgentToolDeps {
  snapshotFor(overrides: ScopeOverrides, signal?: AbortSignal): Promise<StoreSnapshot>;
  /** The overview with releases measured over their first hours (the store's, for the comparison view too). */
  loadEqualAge(request: EqualAgeRequest, signal?: AbortSignal): Promise<EqualAgeResult>;
  settings(): ReleaseHealthSettings;
}

export interface ToolAnswer<T> {
  text: string;
  document: T;
}

/** Where the figures come from: never a token or a URL's credentials, only what the panel shows. */
export interface AnswerScope {
  source: string;
  label: string;
  summaryPeriod: StatsPeriod;
  healthStatsPeriod: StatsPeriod;
  environments: string[];
  updatedAt: string;
}

function scopeOf(s: StoreSnapshot): AnswerScope {
  return {
    source: s.scope.kind,
    label: s.scope.label,
    summaryPeriod: s.scope.summaryPeriod,
    healthStatsPeriod: s.scope.healthPeriod,
    environments: s.scope.environments,
    updatedAt: s.updatedAt,
  };
}

function scopeLine(s: AnswerScope): string {
  const env = s.environments.length > 0 ? s.environments.map(quoted).join(', ') : environmentsText([]).toLowerCase();
  return `Source: ${s.label}; ${periodWords(s.summaryPeriod)}; ${env}; updated ${s.updatedAt}.`;
}

/** The named release, else the newest of the named project, else the tracked one (status bar). */
function releaseOf(snapshot: StoreSnapshot, settings: ReleaseHealthSettings, input: { release?: string; project?: string }): ReleaseHealth {
  const releases = snapshot.overview.releases;
  if (input.release !== undefined) return findOneRelease(releases, input.release, input.project);
  if (input.project !== undefined) {
    const inProject = releasesOfProject(releases, input.project);
    const newest = inProject.find((r) => r.hasHealthData) ?? inProject[0];
    return newest;
  }
  const tracked = chooseTrackedRelease(releases, settings.release, settings.sentry.projects);
  if (tracked.kind === 'release') return tracked.release;
  if (tracked.kind === 'missing') return findOneRelease(releases, tracked.version);
  throw new AgentToolError('No release has health data yet, so there is no default release: name one (see releaseHealth_listReleases).');
}

export async function answerListReleases(deps: AgentToolDeps, input: ListReleasesInput, signal?: AbortSignal): Promise<ToolAnswer<{ scope: AnswerScope } & ReleaseList>> {
  const snapshot = await deps.snapshotFor(overridesOf(input), signal);
  const scope = scopeOf(snapshot);
  const list = listReleases(snapshot.overview, input.project);
  return { text: `${scopeLine(scope)}\n${releaseListText(list)}`, document: { scope, ...list } };
}

export async function answerGetRelease(deps: AgentToolDeps, input: GetReleaseInput, signal?: AbortSignal): Promise<ToolAnswer<{ scope: AnswerScope; release: ReleaseHealth }>> {
  const snapshot = await deps.snapshotFor(overridesOf(input), signal);
  const scope = scopeOf(snapshot);
  const release = releaseOf(snapshot, deps.settings(), input);
  return { text: `${scopeLine(scope)}\n${releaseLine(release)}`, document: { scope, release } };
}

export async function answerCheckGate(deps: AgentToolDeps, input: CheckGateInput, signal?: AbortSignal): Promise<ToolAnswer<{ scope: AnswerScope } & GateResult>> {
  const snapshot = await deps.snapshotFor(overridesOf(input), signal);
  const scope = scopeOf(snapshot);
  const settings = deps.settings();
  const release = releaseOf(snapshot, settings, input);
  const gate = checkReleaseGate(release, gateRequestOf(input, settings.thresholds));
  return { text: `${scopeLine(scope)}\n${gateText(gate)}`, document: { scope, ...gate } };
}

export async function answerCompareReleases(deps: AgentToolDeps, input: CompareReleasesInput, signal?: AbortSignal): Promise<ToolAnswer<{ scope: AnswerScope } & ComparisonReport>> {
  const snapshot = await deps.snapshotFor(overridesOf(input), signal);
  const settings = deps.settings();
  const candidate = releaseOf(snapshot, settings, { release: input.candidate, project: input.project });
  const base = input.base ?? previousReleaseOf(candidate);
  if (base === candidate.release) throw new AgentToolError(`The base and the candidate are the same release ${quoted(base)}: name two releases.`);
  const minimumSessions = input.minSessions ?? settings.thresholds.minimumSessions;
  let overview = snapshot.overview;
  if (input.age !== undefined) {
    // Equal-age windows come from the shown source and environments: they start at each release's first session.
    if (input.environments !== undefined && [...input.environments].sort().join('\n') !== [...settings.environments].sort().join('\n')) {
      throw new AgentToolError('An equal-age comparison uses the environments the user has selected: leave out "environments" or "age".');
    }
    overview = (await deps.loadEqualAge({ project: candidate.project, releases: [base, candidate.release], ageHours: input.age }, signal)).overview;
  }
  let report: ComparisonReport;
  try {
    report = buildComparisonReport(overview, { base, candidate: candidate.release, project: candidate.project, age: input.age ?? null, minimumSessions });
  } catch (err) {
    if (err instanceof ComparisonError) throw new AgentToolError(err.message.replace(/--project\b/g, 'the project argument'));
    throw err;
  }
  const scope = scopeOf(snapshot);
  return { text: `${scopeLine(scope)}\n${comparisonText(report, minimumSessions)}`, document: { scope, ...report } };
}
