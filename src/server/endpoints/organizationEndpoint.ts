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

export function organizationDetails(o: OrganizationInfo, grant: Grant): Record<string, unknown> {
  requireScope(grant, ['org:read', 'org:write', 'org:admin']);
  return serializeOrganization(o, grant);
}
