// Sentry's API rate limiting (contract §1.9): a fixed one-second window per (caller, endpoint)
// plus a concurrency count, reported on every response in X-Sentry-Rate-Limit-* headers. Over
// the limit: 429 with Sentry's body and no Retry-After (clients wait for ...-Reset).
import { ApiError } from './httpErrors';

export interface RateLimitOptions {
  /** Requests per one-second window. */
  limit: number;
  concurrentLimit: number;
  /** Sentry does not enforce concurrency limits by default; the header is reported anyway. */
  enforceConcurrency: boolean;
  /** Unix milliseconds. */
  clock: () => number;
}

interface Window {
  start: number;
  count: number;
  inFlight: number;
}

export interface Admission {
  headers: Record<string, string>;
  /** Call when the response is finished (frees the concurrency slot). */
  done(): void;
}

const WINDOW_SECONDS = 1;

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Counts the request; throws a 429 ApiError (with the headers) when over a limit. */
  admit(caller: string, endpoint: string): Admission {
    const nowSeconds = this.options.clock() / 1000;
    const start = Math.floor(nowSeconds / WINDOW_SECONDS) * WINDOW_SECONDS;
    const key = `${caller}\u0000${endpoint}`;
    let w = this.windows.get(key);
    if (w === undefined) {
      if (this.windows.size > 10000) this.prune(start);
      w = { start, count: 0, inFlight: 0 };
      this.windows.set(key, w);
    }
    if (w.start !== start) {
      w.start = start;
      w.count = 0;
    }
    w.count++;
    w.inFlight++;
    const { limit, concurrentLimit } = this.options;
    const headers: Record<string, string> = {
      'X-Sentry-Rate-Limit-Limit': String(limit),
      'X-Sentry-Rate-Limit-Remaining': String(Math.max(0, limit - w.count)),
      'X-Sentry-Rate-Limit-Reset': String(start + WINDOW_SECONDS),
      'X-Sentry-Rate-Limit-ConcurrentLimit': String(concurrentLimit),
      'X-Sentry-Rate-Limit-ConcurrentRemaining': String(Math.max(0, concurrentLimit - w.inFlight)),
    };
    const win = w;
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      win.inFlight--;
    };
    if (w.count > limit) {
      done();
      throw new ApiError(429, { detail: `You are attempting to use this endpoint too frequently. Limit is ${limit} requests in ${WINDOW_SECONDS} seconds` }).withHeaders(headers);
    }
    if (this.options.enforceConcurrency && w.inFlight > concurrentLimit) {
      done();
      throw new ApiError(429, { detail: `You are attempting to go above the allowed concurrency for this endpoint. Concurrency limit is ${concurrentLimit}` }).withHeaders(headers);
    }
    return { headers, done };
  }

  private prune(current: number): void {
    for (const [k, w] of this.windows) if (w.start < current && w.inFlight === 0) this.windows.delete(k);
  }
}
