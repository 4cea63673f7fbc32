// API authentication as Sentry answers it: `Authorization: Bearer <token>`; a missing header or
// unknown token is 401, a token without the endpoint's scope or without access to a requested
// project is 403. Tokens can be restricted to scopes and projects (for tests of those 403s).
import { createHash, timingSafeEqual } from 'crypto';
import { ApiError, forbidden } from './httpErrors';
import type { ProjectInfo, ProjectRegistry } from '../store/projectRegistry';

export interface TokenGrant {
  token: string;
  /** Default: every scope the server checks. */
  scopes?: string[];
  /** Project ids or slugs this token may read; default all. */
  projects?: Array<number | string>;
}

export const ALL_SCOPES = ['org:read', 'project:read', 'project:releases', 'event:read'];
/** What Sentry gives an organization token (org_auth_tokens.py): CI uploads, nothing else. */
export const ORG_TOKEN_SCOPES = ['org:ci'];

export interface Grant {
  token: string;
  scopes: ReadonlySet<string>;
  /** null: every project. */
  projects: ReadonlyArray<number | string> | null;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export class Authenticator {
  /** Tokens are compared by their SHA-256, in constant time, against every grant (no early exit). */
  private readonly grants: Array<{ digest: Buffer; grant: Grant }> = [];

  constructor(grants: TokenGrant[]) {
    for (const g of grants) {
      this.grants.push({ digest: digest(g.token), grant: { token: g.token, scopes: new Set(g.scopes ?? ALL_SCOPES), projects: g.projects ?? null } });
    }
  }

  /** The grant of a well-formed header's token, or null; never throws. */
  lookup(header: string | undefined): Grant | null {
    const m = header === undefined ? null : /^(?:Bearer|Token)\s+(\S+)\s*$/i.exec(header.trim());
    if (!m) return null;
    const presented = digest(m[1]);
    let found: Grant | null = null;
    for (const g of this.grants) if (timingSafeEqual(g.digest, presented)) found = g.grant;
    return found;
  }

  /** Throws Sentry's 401s; returns the caller's grant. */
  authenticate(header: string | undefined): Grant {
    if (header === undefined || header.trim() === '') {
      throw new ApiError(401, { detail: 'Authentication credentials were not provided.' });
    }
    const m = /^(?:Bearer|Token)\s+(\S+)\s*$/i.exec(header.trim());
    if (!m) throw new ApiError(401, { detail: 'Invalid token header. No credentials provided.' });
    const grant = this.lookup(header);
    if (!grant) throw new ApiError(401, { detail: 'Invalid token' });
    return grant;
  }
}

/** 403 unless the grant has one of the scopes. */
export function requireScope(grant: Grant, anyOf: readonly string[]): void {
  if (!anyOf.some((s) => grant.scopes.has(s))) throw forbidden();
}

export function canAccess(grant: Grant, project: ProjectInfo): boolean {
  return grant.projects === null || grant.projects.some((p) => p === project.id || p === project.slug || p === String(project.id));
}

export function accessibleProjects(grant: Grant, registry: ProjectRegistry): ProjectInfo[] {
  return registry.list().filter((p) => canAccess(grant, p));
}
