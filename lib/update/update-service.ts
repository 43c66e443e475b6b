/**
 * The background's update service: one channel, one check at a time (an alarm and a click share
 * the check in flight), rollback, and what the options page shows about updates.
 */
import type { CrosscheckDB } from '../store/db';
import { getStatus, rollback, type DatasetStatus } from '../store/generations';
import { channelHost } from './channel';
import type { FetchLike } from './download';
import { getLastCheck, type LastCheck } from './last-check';
import type { RollbackOutcome, UpdateOutcome } from './outcome';
import { staleSince } from './staleness';
import { checkForUpdate, type UpdateLimits } from './update-client';

/** What the options page shows about the dataset and its updates. */
export interface UpdateInfo {
  /** The active dataset, or null when nothing is installed yet. */
  status: DatasetStatus | null;
  lastCheck: LastCheck | null;
  /** ISO timestamp since which the active dataset's release has expired, or null. */
  staleSince: string | null;
  /** The channel's host (with port, if any); empty when this build has no channel. */
  channelHost: string;
}

export interface UpdateService {
  /**
   * Runs an update check, or joins the one in flight; resolves to its outcome (never rejects,
   * see `checkForUpdate`).
   */
  check(): Promise<UpdateOutcome>;
  /** Makes the previous generation active again (after any check in flight has finished). */
  rollback(): Promise<RollbackOutcome>;
  /** The active dataset, the last check and staleness, as of now. */
  info(): Promise<UpdateInfo>;
}

export interface UpdateServiceDeps {
  /** The store, once the bundled dataset is installed. */
  db: () => Promise<CrosscheckDB>;
  /** The channel URL (`CROSSCHECK_UPDATE_URL`); empty when the build has none. */
  url: string;
  trustedKeys: readonly string[];
  fetch: FetchLike;
  now: () => Date;
  limits?: Partial<UpdateLimits>;
}

/** Creates the service; nothing runs until a method is called. */
export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  let inFlight: Promise<UpdateOutcome> | null = null;
  // Rollbacks queue behind checks, so a rollback never interleaves with an install.
  let queue: Promise<unknown> = Promise.resolve();

  const check = (): Promise<UpdateOutcome> => {
    if (inFlight !== null) return inFlight;
    const run = queue.then(async () =>
      checkForUpdate({
        url: deps.url,
        trustedKeys: deps.trustedKeys,
        db: await deps.db(),
        fetch: deps.fetch,
        now: deps.now(),
        ...(deps.limits ? { limits: deps.limits } : {}),
      }),
    );
    const settled = run.finally(() => {
      if (inFlight === settled) inFlight = null;
    });
    inFlight = settled;
    queue = settled.catch(() => undefined);
    return settled;
  };

  return {
    check,
    rollback() {
      const run = queue.then(async (): Promise<RollbackOutcome> => {
        const db = await deps.db();
        const before = await getStatus(db);
        const result = await rollback(db);
        return result.rolledBack
          ? { status: 'rolled-back', version: result.status.version, from: before?.version ?? 0 }
          : { status: 'not-rolled-back', reason: result.reason };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async info() {
      const db = await deps.db();
      const [status, lastCheck] = await Promise.all([getStatus(db), getLastCheck(db)]);
      return {
        status,
        lastCheck,
        staleSince: staleSince(status, deps.now()),
        channelHost: deps.url === '' ? '' : channelHost(deps.url),
      };
    },
  };
}
