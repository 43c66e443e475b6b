/**
 * The last update check, kept in the store's `settings` object store so the options page can say
 * when the channel was last asked and what it answered.
 */
import type { CrosscheckDB } from '../store/db';
import type { UpdateOutcome } from './outcome';

/** The settings key the record is stored under. */
export const LAST_CHECK_KEY = 'lastUpdateCheck';

/** When the last check ran and how it ended. */
export interface LastCheck {
  /** ISO timestamp. */
  checkedAt: string;
  outcome: UpdateOutcome;
}

/** Stores `record` as the last check (replacing the one before). */
export async function recordLastCheck(db: CrosscheckDB, record: LastCheck): Promise<void> {
  await db.put('settings', record, LAST_CHECK_KEY);
}

/** The last check, or null when there was none or the stored value is malformed. */
export async function getLastCheck(db: CrosscheckDB): Promise<LastCheck | null> {
  const value = await db.get('settings', LAST_CHECK_KEY);
  return isLastCheck(value) ? value : null;
}

const STATUSES = new Set(['installed', 'up-to-date', 'refused', 'failed']);

/** True when `value` has the shape of a stored `LastCheck` (a status the UI knows, a valid date). */
export function isLastCheck(value: unknown): value is LastCheck {
  if (typeof value !== 'object' || value === null) return false;
  const { checkedAt, outcome } = value as { checkedAt?: unknown; outcome?: unknown };
  if (typeof checkedAt !== 'string' || Number.isNaN(Date.parse(checkedAt))) return false;
  if (typeof outcome !== 'object' || outcome === null) return false;
  const { status } = outcome as { status?: unknown };
  return typeof status === 'string' && STATUSES.has(status);
}
