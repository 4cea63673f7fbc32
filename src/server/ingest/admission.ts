// Values no SDK sends, refused at the door (counted as dropped, as relay's outcomes count them):
// aggregate counts so large they would wrap the stores' 32-bit counters, and sessions that start
// more than a day after the server's clock (a session dated 2100 would become the latest release).
import type { SessionRecord } from '../../raw/sessionLine';

/** Per count of one aggregate entry; five of them still fit a u32. */
export const MAX_AGGREGATE_COUNT = 100_000_000;
/** Relay's `max_secs_in_future` for sessions is one day. */
export const MAX_SECONDS_IN_FUTURE = 24 * 3600;

export interface Admitted {
  /** The record without its refused parts, or null when nothing is left. */
  record: SessionRecord | null;
  /** Why parts were refused, one reason per refused update or aggregate entry. */
  refused: string[];
}

export function admitRecord(record: SessionRecord, nowSeconds: number): Admitted {
  const latest = nowSeconds + MAX_SECONDS_IN_FUTURE;
  if (record.kind === 'update') {
    if (record.started > latest) return { record: null, refused: ['session started more than a day in the future'] };
    return { record, refused: [] };
  }
  const refused: string[] = [];
  const entries = record.entries.filter((e) => {
    if (e.started > latest) {
      refused.push('session aggregate started more than a day in the future');
      return false;
    }
    if (Math.max(e.exited, e.errored, e.abnormal, e.crashed, e.unhandled) > MAX_AGGREGATE_COUNT) {
      refused.push(`session aggregate count above ${MAX_AGGREGATE_COUNT}`);
      return false;
    }
    return true;
  });
  if (refused.length === 0) return { record, refused };
  return { record: entries.length > 0 ? { ...record, entries } : null, refused };
}
