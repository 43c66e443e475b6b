/**
 * "Stale since" (DESIGN §8): data installed from a release keeps working after the release's
 * manifest expires, but the reader is told since when it has been stale.
 */
import type { DatasetStatus } from '../store/generations';

/**
 * The ISO timestamp since which the active dataset is stale (its release manifest's `expires`,
 * when that is not after `now`), or null: not stale, no dataset, or the bundled copy (which has
 * no manifest and never expires).
 */
export function staleSince(status: DatasetStatus | null, now: Date): string | null {
  if (!status?.expires) return null;
  const expires = Date.parse(status.expires);
  return Number.isFinite(expires) && expires <= now.getTime() ? status.expires : null;
}
