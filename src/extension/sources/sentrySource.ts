// The Sentry API (sentry.io, self-hosted, or the local Sentry-style server) through the API
// client. Failures become messages that say what to fix (sign in, settings, retry).
import { describeApiError } from '../sentry/apiErrorMessages';
import { apiErrorKind, type RequestLogEntry, type SentryClient } from '../sentry/sentryClient';
import { sentryConnection } from '../sentry/sentryConnection';
import { hostOf } from '../sentry/sentryUrls';
import type { TokenStore } from '../sentry/tokenStore';
import { overviewOptionsOf, sourceScope } from './sourceOptions';
import { LoadCancelled, SourceError, type HealthSource, type SourceRequest, type SourceResult } from '../store/healthSource';
import type { ReleaseDeployInfo, ReleaseRecord } from '../../api/releaseRecords';
import type { SentryConnection } from '../sentry/sentryClient';
import type { ReleaseHealthSettings } from '../settings';
import { COMMAND } from '../../present/ids';
import { fixWith } from '../../present/commandTitles';
import { t } from '../../present/localize';

/** Commit lists read per refresh: the newest releases that record several commits (set-commits). */
export const COMMIT_LISTS_PER_LOAD = 5;

// Not being signed in is a state the view explains (after "Sign Out" it is what the user asked for).
function connectFix() {
  return { ...fixWith(COMMAND.connect), quiet: true };
}

export function sentryLabel(url: string, organization: string): string {
  return `${hostOf(url)} / ${organization}`;
}

export class SentrySource implements HealthSource {
  readonly kind = 'sentry' as const;

  constructor(
    private readonly client: SentryClient,
    private readonly tokens: TokenStore,
    private readonly logRequest: (entry: RequestLogEntry) => void,
    private readonly logInfo: (line: string) => void = () => undefined,
  ) {}

  async loadDeploys(settings: ReleaseHealthSettings, version: string, signal: AbortSignal): Promise<ReleaseDeployInfo[]> {
    const { url, organization } = settings.sentry;
    const token = await this.tokens.get(url, organization);
    if (!token) throw new SourceError({ message: t('Not signed in to {0} / {1}.', hostOf(url), organization), ...connectFix() });
    try {
      return await this.client.fetchDeploys(sentryConnection(settings, { url, organization, token }), version, { signal, log: this.logRequest });
    } catch (err) {
      throw new SourceError(describeApiError(err, { url, organization }));
    }
  }
  /** The region last named in the log, per organization: said once, and again when it changes. */
  private readonly regions = new Map<string, string | null>();

  async load(request: SourceRequest): Promise<SourceResult> {
    const { settings } = request;
    const { url, organization } = settings.sentry;
    if (organization === '') throw new SourceError({ message: t('No Sentry organization set.'), ...connectFix() });
    const token = await this.tokens.get(url, organization);
    if (!token) throw new SourceError({ message: t('Not signed in to {0} / {1}.', hostOf(url), organization), ...connectFix() });
    try {
      const connection = sentryConnection(settings, { url, organization, token });
      const result = await this.client.fetchOverview(
        connection,
        settings.sentry.projects,
        { ...overviewOptionsOf(settings, request.now), ...(request.equalAge ? { equalAge: request.equalAge } : {}) },
        { signal: request.signal, log: this.logRequest },
      );
      this.noteRegion(url, organization, result.regionUrl ?? null);
      const projectIds: Record<string, string> = {};
      const environments = new Set<string>();
      for (const p of result.projects) {
        projectIds[p.slug] = p.id;
        for (const e of p.environments ?? []) if (e !== '') environments.add(e);
      }
      return {
        overview: result.overview,
        scope: sourceScope('sentry', sentryLabel(url, organization), settings, { organization, sentryUrl: url, projectIds }),
        skipped: null,
        environments: [...environments].sort(),
        records: await this.withCommitLists(result.records ?? [], connection, request.signal),
        ...(result.ageWindows ? { ageWindows: result.ageWindows } : {}),
      };
    } catch (err) {
      if (request.signal.aborted || apiErrorKind(err) === 'cancelled') throw new LoadCancelled();
      throw new SourceError(describeApiError(err, { url, organization }));
    }
  }

  /**
   * The full commit lists of the newest releases with several commits, so that a HEAD inside a
   * release's range finds that release; a list that cannot be read leaves the last commit only.
   */
  private async withCommitLists(records: ReleaseRecord[], connection: SentryConnection, signal: AbortSignal): Promise<ReleaseRecord[]> {
    const wanted = new Set(records.filter((r) => r.commitCount > 1).slice(0, COMMIT_LISTS_PER_LOAD).map((r) => r.version));
    if (wanted.size === 0) return records;
    const lists = new Map<string, string[]>();
    await Promise.all([...wanted].map(async (version) => {
      try {
        lists.set(version, await this.client.fetchCommits(connection, version, { signal, log: this.logRequest }));
      } catch (err) {
        if (apiErrorKind(err) === 'cancelled') throw err;
        this.logInfo(`Commits of ${version} could not be read (${(err as Error)?.message ?? err}); its last commit stands for it.`);
      }
    }));
    return records.map((r) => (lists.has(r.version) ? { ...r, commits: lists.get(r.version) } : r));
  }

  private noteRegion(url: string, organization: string, region: string | null): void {
    const key = `${url}|${organization}`;
    if (this.regions.has(key) && this.regions.get(key) === region) return;
    this.regions.set(key, region);
    if (region !== null) this.logInfo(`${sentryLabel(url, organization)}: API calls go to the organization's region, ${hostOf(region)}`);
  }
}
