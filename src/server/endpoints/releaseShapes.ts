// Sentry's shapes for what release management records: commits (with author and repository),
// deploys and repositories, as the release, commits, deploys and repos endpoints return them.
import { isoZ } from '../http/isoTime';
import type { ReleaseCommit, ReleaseDeploy, ReleaseMeta, Repository } from '../store/managedReleases';

export function serializeRepository(r: Repository): Record<string, unknown> {
  return {
    id: String(r.id),
    name: r.name,
    url: null,
    provider: { id: 'unknown', name: 'Unknown Provider' },
    status: 'active',
    dateCreated: isoZ(r.dateCreated),
    integrationId: null,
    externalSlug: null,
    externalId: null,
  };
}

export function serializeCommit(c: ReleaseCommit, repos: ReadonlyMap<string, Repository>): Record<string, unknown> {
  const repo = c.repository === null ? undefined : repos.get(c.repository);
  return {
    id: c.id,
    message: c.message,
    dateCreated: c.timestamp === null ? null : isoZ(c.timestamp),
    pullRequest: null,
    suspectCommitType: '',
    author: c.authorEmail === null && c.authorName === null ? null : { name: c.authorName, email: c.authorEmail },
    repository: repo ? serializeRepository(repo) : null,
  };
}

export function serializeDeploy(d: ReleaseDeploy): Record<string, unknown> {
  return {
    id: String(d.id),
    environment: d.environment,
    dateStarted: d.dateStarted === null ? null : isoZ(d.dateStarted),
    dateFinished: isoZ(d.dateFinished),
    name: d.name,
    url: d.url,
  };
}

/** Deploys newest first (by when they finished), as Sentry lists them. */
export function deploysNewestFirst(meta: ReleaseMeta | undefined): ReleaseDeploy[] {
  return [...(meta?.deploys ?? [])].sort((a, b) => b.dateFinished - a.dateFinished || b.id - a.id);
}

/** The release fields release management fills (Sentry's release serializer). */
export function managedFields(meta: ReleaseMeta | undefined, repos: ReadonlyMap<string, Repository>): Record<string, unknown> {
  const authors = new Map<string, { name: string | null; email: string | null }>();
  for (const c of meta?.commits ?? []) {
    if (c.authorEmail !== null && !authors.has(c.authorEmail)) authors.set(c.authorEmail, { name: c.authorName, email: c.authorEmail });
  }
  const lastDeploy = deploysNewestFirst(meta)[0];
  return {
    ref: meta?.ref ?? null,
    url: meta?.url ?? null,
    dateReleased: meta?.dateReleased != null ? isoZ(meta.dateReleased) : null,
    commitCount: meta?.commits.length ?? 0,
    lastCommit: meta && meta.commits.length > 0 ? serializeCommit(meta.commits[0], repos) : null,
    deployCount: meta?.deploys.length ?? 0,
    lastDeploy: lastDeploy ? serializeDeploy(lastDeploy) : null,
    authors: Array.from(authors.values()),
  };
}

export function repositoryIndex(list: Repository[]): Map<string, Repository> {
  return new Map(list.map((r) => [r.name, r]));
}
