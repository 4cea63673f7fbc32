// The Sentry API (sentry.io, self-hosted, or the local Sentry-style server) through the API
// client. Failures become messages that say what to fix (sign in, settings, retry).
import { describeApiError } from '../sentry/apiErrorMessages';
import { apiErrorKind, type RequestLogEntry, type SentryClient } from '../sentry/sentryClient';
import { sentryConnection } from '../sentry/sentryConnection';
import { hostOf } from '../sentry/sentryUrls';
import type { TokenStore } from '../sentry/tokenStore';
import { overviewOptionsOf, sourceScope } from './sourceOptions';
import { LoadCancelled, SourceError, type HealthSource, type SourceRequest, type SourceResult } from '../store/healthSource';
import { COMMAND } from '../../present/ids';

// Not being signed in is a state the view explains (after "Sign Out" it is what the user asked for).
const CONNECT = { fixCommand: COMMAND.connect, fixTitle: 'Connect to Sentry…', quiet: true };

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

  /** The region last named in the log, per organization: said once, and again when it changes. */
  private readonly regions = new Map<string, string | null>();

  async load(request: SourceRequest): Promise<SourceResult> {
    const { settings } = request;
    const { url, organization } = settings.sentry;
    if (organization === '') throw new SourceError({ message: 'No Sentry organization set.', ...CONNECT });
    const token = await this.tokens.get(url, organization);
    if (!token) throw new SourceError({ message: `Not signed in to ${hostOf(url)} / ${organization}.`, ...CONNECT });
    try {
      const result = await this.client.fetchOverview(
        sentryConnection(settings, { url, organization, token }),
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
        ...(result.ageWindows ? { ageWindows: result.ageWindows } : {}),
      };
    } catch (err) {
      if (request.signal.aborted || apiErrorKind(err) === 'cancelled') throw new LoadCancelled();
      throw new SourceError(describeApiError(err, { url, organization }));
    }
  }

  private noteRegion(url: string, organization: string, region: string | null): void {
    const key = `${url}|${organization}`;
    if (this.regions.has(key) && this.regions.get(key) === region) return;
    this.regions.set(key, region);
    if (region !== null) this.logInfo(`${sentryLabel(url, organization)}: API calls go to the organization's region, ${hostOf(region)}`);
  }
}
