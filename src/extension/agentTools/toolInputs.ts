// The tools' inputs, checked: a model may send anything, and VS Code does not validate input
// that arrives through `vscode.lm.invokeTool`. A wrong value is an error that names the field.
import { AgentToolError } from '../../agents/agentToolError';
import { MAX_AGE_HOURS } from '../../health/equalAge';
import { STATS_PERIODS, type HealthStat, type StatsPeriod } from '../../health/types';
import type { ScopeOverrides } from '../store/releaseHealthStore';

export interface ScopeInput {
  summaryPeriod?: StatsPeriod;
  healthStatsPeriod?: StatsPeriod;
  stat?: HealthStat;
  environments?: string[];
}

export interface ListReleasesInput extends ScopeInput {
  project?: string;
}

export interface GetReleaseInput extends ScopeInput {
  release?: string;
  project?: string;
}

export interface CheckGateInput extends ScopeInput {
  release?: string;
  project?: string;
  crashFreeSessions?: number;
  crashFreeUsers?: number;
  minSessions?: number;
}

export interface CompareReleasesInput extends ScopeInput {
  candidate?: string;
  base?: string;
  project?: string;
  age?: number;
  minSessions?: number;
}

type Raw = Record<string, unknown>;

function objectOf(input: unknown): Raw {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new AgentToolError('The input must be a JSON object.');
  return input as Raw;
}

function text(o: Raw, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new AgentToolError(`"${key}" must be a string.`);
  return v;
}

function period(o: Raw, key: string): StatsPeriod | undefined {
  const v = text(o, key);
  if (v === undefined) return undefined;
  if (!(STATS_PERIODS as readonly string[]).includes(v)) throw new AgentToolError(`"${key}" must be one of ${STATS_PERIODS.join(', ')}; got ${JSON.stringify(v)}.`);
  return v as StatsPeriod;
}

function number(o: Raw, key: string, min: number, max: number, integer = false): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new AgentToolError(`"${key}" must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max === Infinity ? 'up' : max}.`);
  }
  return v;
}

function scopeOf(o: Raw): ScopeInput {
  const stat = text(o, 'stat');
  if (stat !== undefined && stat !== 'sessions' && stat !== 'users') throw new AgentToolError('"stat" must be "sessions" or "users".');
  const env = o.environments;
  if (env !== undefined && env !== null && (!Array.isArray(env) || env.some((e) => typeof e !== 'string' || e === ''))) {
    throw new AgentToolError('"environments" must be a list of environment names, e.g. ["production"].');
  }
  return {
    summaryPeriod: period(o, 'summaryPeriod'),
    healthStatsPeriod: period(o, 'healthStatsPeriod'),
    stat: stat as HealthStat | undefined,
    environments: Array.isArray(env) ? [...new Set(env as string[])] : undefined,
  };
}

export function listReleasesInput(input: unknown): ListReleasesInput {
  const o = objectOf(input);
  return { ...scopeOf(o), project: text(o, 'project') };
}

export function getReleaseInput(input: unknown): GetReleaseInput {
  const o = objectOf(input);
  return { ...scopeOf(o), project: text(o, 'project'), release: text(o, 'release') };
}

export function checkGateInput(input: unknown): CheckGateInput {
  const o = objectOf(input);
  return {
    ...scopeOf(o),
    project: text(o, 'project'),
    release: text(o, 'release'),
    crashFreeSessions: number(o, 'crashFreeSessions', 0, 100),
    crashFreeUsers: number(o, 'crashFreeUsers', 0, 100),
    minSessions: number(o, 'minSessions', 0, Infinity, true),
  };
}

export function compareReleasesInput(input: unknown): CompareReleasesInput {
  const o = objectOf(input);
  const { healthStatsPeriod: _h, stat: _s, ...scope } = scopeOf(o);
  void _h;
  void _s;
  return {
    ...scope,
    project: text(o, 'project'),
    candidate: text(o, 'candidate'),
    base: text(o, 'base'),
    age: number(o, 'age', 1, MAX_AGE_HOURS, true),
    minSessions: number(o, 'minSessions', 0, Infinity, true),
  };
}

/** The view options the input changes, for `store.snapshotFor`. */
export function overridesOf(input: ScopeInput): ScopeOverrides {
  return { summaryPeriod: input.summaryPeriod, healthStatsPeriod: input.healthStatsPeriod, stat: input.stat, environments: input.environments };
}
