// An API answer that is not a success, thrown from deep inside a handler and turned into a
// response by the router. Sentry's error bodies are `{"detail": "..."}`.

export class ApiError extends Error {
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }
}

/** 400 with Sentry's `ParseError` body. */
export function badRequest(detail: string): ApiError {
  return new ApiError(400, { detail });
}

export const NOT_FOUND_DETAIL = 'The requested resource does not exist';
export const PERMISSION_DETAIL = 'You do not have permission to perform this action.';

export function notFound(): ApiError {
  return new ApiError(404, { detail: NOT_FOUND_DETAIL });
}

export function forbidden(): ApiError {
  return new ApiError(403, { detail: PERMISSION_DETAIL });
}
