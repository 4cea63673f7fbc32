// Projects created by envelopes sent to an id nobody declared (a DSN implies its project exists),
// up to a cap: a public DSN key must not let anyone fill the registry (20,000 projects made every
// releases request take seconds). Ids must be Sentry's (positive); beyond the cap: 403.
import { ApiError } from '../http/httpErrors';
import type { ProjectInfo, ProjectRegistry } from '../store/projectRegistry';

export const DEFAULT_MAX_AUTO_PROJECTS = 100;

/** How an auto-created project is named: `project-ID`, or `project-ID-N` if that slug is taken. */
function isAutoCreated(p: ProjectInfo): boolean {
  return p.name === p.slug && new RegExp(`^project-${p.id}(-\\d+)?$`).test(p.slug);
}

export class AutoProjects {
  private created: number;
  /** Ids being created by envelopes not yet on disk, with how many envelopes create each. */
  private readonly pending = new Map<number, number>();

  constructor(
    private readonly registry: ProjectRegistry,
    readonly cap: number,
    /** Unix seconds. */
    private readonly now: () => number,
  ) {
    this.created = registry.list().filter(isAutoCreated).length;
  }

  /** Throws the 403 an envelope for this id gets when the id does not exist and cannot be created. */
  check(id: number): void {
    if (this.registry.get(id) || this.pending.has(id)) return;
    if (id < 1) throw new ApiError(403, { detail: `project ${id} does not exist (project ids are positive integers)` });
    if (this.created + this.pending.size >= this.cap) {
      throw new ApiError(403, { detail: `project ${id} does not exist, and this server has created its limit of ${this.cap} projects from envelopes (release-health-server --max-auto-projects)` });
    }
  }

  /** The project to create with this envelope's data (null: it exists). Call settle() after the commit. */
  reserve(id: number): ProjectInfo | null {
    if (this.registry.get(id)) return null;
    this.check(id);
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
    let slug = `project-${id}`;
    for (let n = 2; this.registry.bySlugName(slug); n++) slug = `project-${id}-${n}`;
    return { id, slug, name: slug, platform: null, dateCreated: Math.floor(this.now()) };
  }

  settle(id: number): void {
    const left = (this.pending.get(id) ?? 1) - 1;
    if (left > 0) {
      this.pending.set(id, left);
      return;
    }
    this.pending.delete(id);
    if (this.registry.get(id)) this.created++;
  }

  get count(): number {
    return this.created;
  }
}
