import type { SessionAccumulator } from '../../raw/sessionAccumulator';

/** Environments present in raw data, sorted; the empty environment is not offered. */
export function environmentsOf(acc: SessionAccumulator): string[] {
  const set = new Set<string>();
  for (const k of acc.keys.values()) if (k.environment !== '') set.add(k.environment);
  return [...set].sort();
}
