import { shownSnapshot, type StoreState } from '../store/storeTypes';
import { t } from '../../present/localize';

/** Next to the view title: which data this is, e.g. "Demo data · 24h · production". */
export function viewDescription(state: StoreState): string {
  const snapshot = shownSnapshot(state);
  if (!snapshot) return '';
  const { scope } = snapshot;
  const parts = [scope.label, scope.summaryPeriod];
  if (scope.environments.length > 0) parts.push(scope.environments.join(', '));
  return parts.join(' · ');
}

/** Above the tree: demo data says plainly that it is not the user's releases. */
export function viewMessage(state: StoreState): string | undefined {
  const snapshot = shownSnapshot(state);
  return snapshot?.scope.kind === 'demo' ? t('Demo data: a generated dataset, not your releases.') : undefined;
}
