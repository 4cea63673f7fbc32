// What an organization API handler gets and gives back.
import type { Grant } from '../http/auth';
import type { ProjectRegistry } from '../store/projectRegistry';
import type { QueryDict } from '../http/queryDict';
import type { RangeReader } from '../query/rangeStats';
import type { SessionStore } from '../store/sessionStore';

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
  /** Groups with equal values come in a random order (ServerOptions.shuffleTies). */
  shuffleTies?: boolean;
}
