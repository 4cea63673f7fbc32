// The organization's projects: configured ones (--project SLUG=ID), the demo's, those --import
// lines name, and `project-ID` for envelopes sent to an id nobody declared.

export interface ProjectInfo {
  id: number;
  slug: string;
  name: string;
  platform: string | null;
  /** Unix seconds. */
  dateCreated: number;
}

export class ProjectRegistry {
  private readonly byId = new Map<number, ProjectInfo>();
  private readonly bySlug = new Map<string, ProjectInfo>();

  /** Adds a project unless its id or slug is taken; returns the one registered under that id. */
  add(p: ProjectInfo): ProjectInfo {
    const existing = this.byId.get(p.id);
    if (existing) return existing;
    if (this.bySlug.has(p.slug)) return this.bySlug.get(p.slug)!;
    this.byId.set(p.id, p);
    this.bySlug.set(p.slug, p);
    return p;
  }

  get(id: number): ProjectInfo | undefined {
    return this.byId.get(id);
  }

  bySlugName(slug: string): ProjectInfo | undefined {
    return this.bySlug.get(slug);
  }

  nextFreeId(): number {
    let max = 0;
    for (const id of this.byId.keys()) max = Math.max(max, id);
    return max + 1;
  }

  /** Ordered by slug, as Sentry lists them. */
  list(): ProjectInfo[] {
    return Array.from(this.byId.values()).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }

  ids(): number[] {
    return Array.from(this.byId.keys());
  }
}

/** `mobile-app` -> `Mobile App`: a readable default name. */
export function nameFromSlug(slug: string): string {
  return slug.split(/[-_]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') || slug;
}
