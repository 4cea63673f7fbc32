// `--fail-under crash-free-sessions=99.5`: a CI gate that blocks a rollout.
import type { ReleaseHealth } from '../health/types';
import { UsageError } from './usageError';

const METRICS = {
  'crash-free-sessions': (r: ReleaseHealth) => r.crashFreeSessions,
  'crash-free-users': (r: ReleaseHealth) => r.crashFreeUsers,
} as const;

export type GateMetric = keyof typeof METRICS;

export interface Gate {
  metric: GateMetric;
  threshold: number;
}

export function parseGate(text: string): Gate {
  const m = /^([a-z-]+)=(-?\d+(?:\.\d+)?)$/.exec(text);
  if (!m || !(m[1] in METRICS)) {
    throw new UsageError(`invalid --fail-under '${text}': expected crash-free-sessions=N or crash-free-users=N`);
  }
  return { metric: m[1] as GateMetric, threshold: Number(m[2]) };
}

/** Releases with health data whose figure is below the gate; releases without the figure pass. */
export function failedGates(releases: ReleaseHealth[], gates: Gate[]): string[] {
  const failures: string[] = [];
  for (const gate of gates) {
    for (const r of releases) {
      if (!r.hasHealthData) continue;
      const value = METRICS[gate.metric](r);
      if (value !== null && value < gate.threshold) {
        failures.push(`${r.project} ${r.release}: ${gate.metric} ${value.toFixed(2)} < ${gate.threshold}`);
      }
    }
  }
  return failures;
}
