import type { StoreState } from '../store/storeTypes';

/** Next to the view title: which data this is, e.g. "Demo data · 24h · production". */
export function viewDescription(state: StoreState): string {
  const snapshot = state.status === 'ready' ? state.snapshot : state.status === 'unconfigured' ? null : state.previous;
  if (!snapshot) return '';
  const { scope } = snapshot;
  const parts = [scope.label, scope.summaryPeriod];
  if (scope.environments.length > 0) parts.push(scope.environments.join(', '));
  return parts.join(' · ');
}
