// What an organization API handler gets and gives back.
import type { Grant } from './auth';
import type { ProjectRegistry } from './projectRegistry';
import type { QueryDict } from './queryDict';
import type { RangeReader } from './rangeStats';
import type { SessionStore } from './sessionStore';

export interface ApiRequest {
  /** URL path as requested (for Link headers). */
  path: string;
  q: QueryDict;
  /** `http://host:port` the client used. */
  origin: string;
  grant: Grant;
  /** Unix seconds. */
  now: number;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiData {
  registry: ProjectRegistry;
  store: SessionStore;
  reader: RangeReader;
}
