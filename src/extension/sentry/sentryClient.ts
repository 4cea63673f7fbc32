// What the extension needs of the Sentry API, in its own terms. The adapter in
// apiSentryClient.ts maps it onto src/api; the sources and commands depend only on this.
import type { AgeWindowStats, EqualAgeRequest } from '../../health/equalAge';
import type { Overview, OverviewOptions } from '../../health/types';
import type { ReleaseDeployInfo, ReleaseRecord } from '../../api/releaseRecords';
import type { ProxySettings } from '../settings';

export interface SentryConnection {
  /** Base URL without trailing slash, e.g. https://sentry.io. */
  url: string;
  organization: string;
  token: string;
  proxy: ProxySettings;
  timeoutSeconds: number;
}

export interface SentryProject {
  id: string;
  slug: string;
  name: string;
  /** Environments the API lists for the project, when it does. */
  environments?: string[];
  /** False for a project the token's user cannot read: Sentry lists it, but asking for its data is a 403. */
  hasAccess?: boolean;
}

/** What the connection check learned. */
export interface SentryConnectionInfo {
  /** The organization's region host when API calls go there instead of the base URL. */
  regionUrl: string | null;
}

/** One HTTP request, as the log records it (never headers, so never the token). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number | string;
  ms: number;
}

export interface RequestHooks {
  signal?: AbortSignal;
  log?: (entry: RequestLogEntry) => void;
}

export type ApiErrorKind =
  | 'auth' | 'permission' | 'not-found' | 'unknown-environment' | 'project-access' | 'rate-limited' | 'server' | 'query-timeout'
  | 'network' | 'timeout' | 'cancelled' | 'invalid-response' | 'bad-request' | 'config';

export interface SentryOverview {
  overview: Overview;
  projects: SentryProject[];
  /** What release management recorded (lastCommit, lastDeploy) per listed release. */
  records?: ReleaseRecord[];
  ageWindows?: Record<string, AgeWindowStats | null>;
  /** The organization's region host when API calls go there instead of the base URL. */
  regionUrl?: string | null;
}

export interface SentryClient {
  /** Proves that URL, token and organization work together (the organization and its projects can be read); throws otherwise. */
  checkConnection(connection: SentryConnection, hooks: RequestHooks): Promise<SentryConnectionInfo>;
  listProjects(connection: SentryConnection, hooks: RequestHooks): Promise<SentryProject[]>;
  /** `projects`: slugs; empty means every project the token can see. */
  fetchOverview(
    connection: SentryConnection,
    projects: string[],
    options: OverviewOptions & { environments: string[]; equalAge?: EqualAgeRequest },
    hooks: RequestHooks,
  ): Promise<SentryOverview>;
  /** The SHAs of a release's recorded commits, newest first. */
  fetchCommits(connection: SentryConnection, version: string, hooks: RequestHooks): Promise<string[]>;
  /** A release's deploys, newest first. */
  fetchDeploys(connection: SentryConnection, version: string, hooks: RequestHooks): Promise<ReleaseDeployInfo[]>;
}

/** Reads the `kind` of an API error (src/api's SentryApiError) without depending on its class. */
export function apiErrorKind(err: unknown): ApiErrorKind | null {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? (kind as ApiErrorKind) : null;
}
