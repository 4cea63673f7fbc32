// The "Release Health" log: each request (method, path, status, milliseconds) and each load.
// Tokens travel in headers, which are never logged; paths are scrubbed of anything token-like
// anyway, in case a server echoes one into a URL.
import type { RequestLogEntry } from './sentry/sentryClient';

export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
}

export function requestLogLine(e: RequestLogEntry): string {
  return `${e.method} ${scrub(e.path)} ${e.status} ${Math.round(e.ms)} ms`;
}

/** Removes values of query parameters that could carry credentials. */
export function scrub(path: string): string {
  return path.replace(/([?&](?:token|auth|access_token|api_key|key)=)[^&#]*/gi, '$1***');
}

export class ReleaseHealthLog {
  constructor(private readonly sink: LogSink) {}

  request = (e: RequestLogEntry): void => {
    this.sink.info(requestLogLine(e));
  };

  info = (message: string): void => this.sink.info(message);
  warn = (message: string): void => this.sink.warn(message);
}
