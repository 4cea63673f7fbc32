// Which release-management handler answers a path and method (router.ts asks before the
// read-only organization endpoints). Versions in paths are percent-decoded.
import type { ApiData, ApiResponse } from './apiTypes';
import type { DurableStore } from '../store/durableStore';
import { QueryDict } from '../http/queryDict';
import { notFound } from '../http/httpErrors';
import { releasesEndpoint } from './releasesEndpoint';
import { createRelease, previousWithCommits, releaseCommits, releaseDeploys, releaseDetails, repositories, type ManagementRequest } from './releaseManagement';

export interface ManagementRoute {
  /** Organization slug or id in the path; null for paths outside an organization. */
  org: string | null;
  /** Rate-limit group. */
  name: string;
  methods: readonly string[];
  handle: (req: ManagementRequest, data: ApiData, durable: DurableStore) => ApiResponse | Promise<ApiResponse>;
}

const RELEASE = /^\/api\/0\/organizations\/([^/]+)\/releases\/([^/]+)\/(?:(commits|previous-with-commits|deploys)\/?)?$/;
const RELEASES = /^\/api\/0\/organizations\/([^/]+)\/releases\/?$/;
const REPOS = /^\/api\/0\/organizations\/([^/]+)\/repos\/?$/;
const PROJECT_RELEASES = /^\/api\/0\/projects\/([^/]+)\/([^/]+)\/releases\/?$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}

export function managementRoute(path: string, method: string): ManagementRoute | null {
  let m = RELEASES.exec(path);
  if (m && method === 'POST') return { org: decode(m[1]), name: 'release-new', methods: ['POST'], handle: createRelease };
  m = RELEASE.exec(path);
  if (m) {
    const version = decode(m[2]);
    switch (m[3]) {
      case undefined:
        return { org: decode(m[1]), name: 'release', methods: ['GET', 'HEAD', 'PUT'], handle: (r, d, s) => releaseDetails(r, d, s, version) };
      case 'commits':
        return { org: decode(m[1]), name: 'release-commits', methods: ['GET', 'HEAD'], handle: (r, d) => releaseCommits(r, d, version) };
      case 'previous-with-commits':
        return { org: decode(m[1]), name: 'release-previous', methods: ['GET', 'HEAD'], handle: (r, d) => previousWithCommits(r, d, version) };
      default:
        return { org: decode(m[1]), name: 'release-deploys', methods: ['GET', 'HEAD', 'POST'], handle: (r, d, s) => releaseDeploys(r, d, s, version) };
    }
  }
  m = REPOS.exec(path);
  if (m) return { org: decode(m[1]), name: 'repos', methods: ['GET', 'HEAD'], handle: repositories };
  m = PROJECT_RELEASES.exec(path);
  if (m) {
    const slug = decode(m[2]);
    return {
      org: decode(m[1]),
      name: 'releases',
      methods: ['GET', 'HEAD'],
      // The project's releases: the organization listing narrowed to it.
      handle: (r, d) => {
        const project = d.registry.bySlugName(slug) ?? (/^\d+$/.test(slug) ? d.registry.get(Number(slug)) : undefined);
        if (!project) throw notFound();
        const rest = r.q.urlencode(['project']);
        const q = new QueryDict(`${rest}${rest ? '&' : ''}project=${project.id}`);
        return releasesEndpoint({ ...r, q }, d);
      },
    };
  }
  return null;
}
