// Turns the project slugs of --import lines and demo data into project ids, creating a project
// (next free id) the first time a slug is seen. Creations are returned as log entries so they are
// stored in the same frame as the sessions that need them.
import type { LogEntry } from './logRecords';
import { nameFromSlug, type ProjectRegistry } from './projectRegistry';

export class ProjectResolver {
  private readonly created = new Map<string, number>();
  private nextId: number;

  constructor(
    private readonly registry: ProjectRegistry,
    private readonly now: number,
    private readonly platforms: Record<string, string> = {},
  ) {
    this.nextId = registry.nextFreeId();
  }

  /** The project id of `slug`; pushes a creation entry onto `out` when it is new. */
  resolve(slug: string, out: LogEntry[]): number {
    const known = this.registry.bySlugName(slug)?.id ?? this.created.get(slug);
    if (known !== undefined) return known;
    while (this.registry.get(this.nextId)) this.nextId++;
    const id = this.nextId++;
    this.created.set(slug, id);
    out.push({ kind: 'project', project: { id, slug, name: nameFromSlug(slug), platform: this.platforms[slug] ?? null, dateCreated: Math.floor(this.now) } });
    return id;
  }
}
