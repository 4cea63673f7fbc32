// The one error type the Sentry API client throws. Every message is a single line a person can
// act on, names the endpoint, and never carries the token: errors are built here from plain
// facts (status, host, detail text already redacted), never by wrapping an axios error, whose
// `config.headers` would hold the Authorization header.

export type SentryApiErrorKind =
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'unknown-environment'
  | 'project-access'
  | 'rate-limited'
  | 'server'
  | 'query-timeout'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'invalid-response'
  | 'bad-request'
  | 'config';

export interface SentryApiErrorInit {
  kind: SentryApiErrorKind;
  /** `GET /api/0/organizations/acme/sessions/`: method and path, no query, no host credentials. */
  endpoint: string;
  status?: number;
  /** For `rate-limited`: when Sentry said the window resets (ms since epoch), if it did. */
  retryAt?: number;
  /** For `unknown-environment`: the names the organization does not have. */
  environments?: string[];
}

export class SentryApiError extends Error {
  readonly kind: SentryApiErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  readonly retryAt?: number;
  readonly environments?: string[];

  constructor(message: string, init: SentryApiErrorInit) {
    super(oneLine(message));
    this.name = 'SentryApiError';
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAt !== undefined) this.retryAt = init.retryAt;
    if (init.environments !== undefined) this.environments = init.environments;
  }

  /** What the CLI prints (src/cli/main.ts reads `userMessage`). */
  get userMessage(): string {
    return this.message;
  }

  /** Plain data only: safe to log or send to a webview. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, endpoint: this.endpoint, status: this.status, message: this.message };
  }
}

/** The answer could not be read as what the endpoint documents; names the field zod objected to. */
export class SentryInvalidResponseError extends SentryApiError {
  readonly field: string | null;

  constructor(message: string, endpoint: string, field: string | null, status?: number) {
    super(message, { kind: 'invalid-response', endpoint, status });
    this.name = 'SentryInvalidResponseError';
    this.field = field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}

export function isSentryApiError(err: unknown): err is SentryApiError {
  return err instanceof SentryApiError;
}

export function cancelledError(endpoint: string): SentryApiError {
  return new SentryApiError(`Cancelled: ${endpoint} was not completed.`, { kind: 'cancelled', endpoint });
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
