// Whether the store shows figures kept from an earlier load (the latest one failed).
import type { Staleness } from '../../present/scopeText';
import type { StoreState } from './storeTypes';

export function stalenessOf(state: StoreState): Staleness | null {
  if (state.status !== 'error' || state.previous === null) return null;
  return { since: state.previous.updatedAt, reason: state.error.message };
}
