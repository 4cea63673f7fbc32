// The order the tree, the quick pick and the status bar agree on: projects as configured (then
// by name), releases newest first by first seen (then by name, descending).
import type { ReleaseHealth } from '../health/types';

export function projectOrder(releases: readonly ReleaseHealth[], configured: readonly string[] = []): string[] {
  const present = [...new Set(releases.map((r) => r.project))];
  const first = configured.filter((p) => present.includes(p));
  const rest = present.filter((p) => !first.includes(p)).sort();
  return [...first, ...rest];
}

export function newestFirst(a: ReleaseHealth, b: ReleaseHealth): number {
  const fa = a.firstSeen === null ? Number.NEGATIVE_INFINITY : Date.parse(a.firstSeen);
  const fb = b.firstSeen === null ? Number.NEGATIVE_INFINITY : Date.parse(b.firstSeen);
  if (fa !== fb) return fb - fa;
  return a.release < b.release ? 1 : a.release > b.release ? -1 : 0;
}

export function releasesOf(releases: readonly ReleaseHealth[], project: string): ReleaseHealth[] {
  return releases.filter((r) => r.project === project).sort(newestFirst);
}
