// GET /api/0/organizations/{org}/ and GET /api/0/organizations/: the one organization this
// server holds, in Sentry's organization shape (what clients call to check URL, token and org).
import type { Grant } from '../http/auth';
import { requireScope } from '../http/auth';
import { isoZ } from '../http/isoTime';
import { nameFromSlug } from '../store/projectRegistry';

export interface OrganizationInfo {
  id: string;
  slug: string;
  /** Unix seconds. */
  dateCreated: number;
  origin: string;
}

export function serializeOrganization(o: OrganizationInfo, grant: Grant): Record<string, unknown> {
  return {
    id: o.id,
    slug: o.slug,
    name: nameFromSlug(o.slug),
    dateCreated: isoZ(o.dateCreated),
    status: { id: 'active', name: 'active' },
    isEarlyAdopter: false,
    require2FA: false,
    avatar: { avatarType: 'letter_avatar', avatarUuid: null, avatarUrl: null },
    links: { organizationUrl: o.origin, regionUrl: o.origin },
    hasAuthProvider: false,
    features: [],
    access: Array.from(grant.scopes),
  };
}

/**
 * `detailed` defaults to on, as in Sentry's organization_details.py: the answer then carries
 * every project and team of the organization; `detailed=0` leaves them out. An organization
 * token (only `org:ci`) may read it: the issue of such tokens shows only on /projects/ and
 * /sessions/.
 */
export function organizationDetails(o: OrganizationInfo, grant: Grant, detailed: boolean, projects: () => Array<Record<string, unknown>>): Record<string, unknown> {
  requireScope(grant, ['org:read', 'org:write', 'org:admin', 'org:ci']);
  const body = serializeOrganization(o, grant);
  // Without org:read Sentry answers with the plain OrganizationSerializer, whatever `detailed` says.
  const canRead = ['org:read', 'org:write', 'org:admin'].some((s) => grant.scopes.has(s));
  return detailed && canRead ? { ...body, projects: projects(), teams: [] } : body;
}
