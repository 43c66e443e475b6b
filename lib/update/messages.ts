/**
 * Update messages that the options page sends to the background, with their replies. The
 * background answers them only for the extension's own pages (`isExtensionPage` in
 * lib/store/messages) and only when the message has exactly the expected shape.
 */
import type { RollbackOutcome, UpdateOutcome } from './outcome';
import type { UpdateInfo, UpdateService } from './update-service';

/** Asks for `UpdateInfo`. */
export interface GetUpdateInfoRequest {
  type: 'getUpdateInfo';
}

/** Runs an update check now. */
export interface CheckForUpdatesRequest {
  type: 'checkForUpdates';
}

/** Rolls back to the previous generation. */
export interface RollbackRequest {
  type: 'rollback';
}

export type UpdateRequest = GetUpdateInfoRequest | CheckForUpdatesRequest | RollbackRequest;

/** The reply to `checkForUpdates`: the outcome and the state after it. */
export interface CheckForUpdatesReply {
  outcome: UpdateOutcome;
  info: UpdateInfo;
}

/** The reply to `rollback`: the outcome and the state after it. */
export interface RollbackReply {
  outcome: RollbackOutcome;
  info: UpdateInfo;
}

const TYPES: ReadonlySet<string> = new Set<UpdateRequest['type']>([
  'getUpdateInfo',
  'checkForUpdates',
  'rollback',
]);

/** True when `message` is exactly one of the update requests (`{ type }` and no other key). */
export function isUpdateRequest(message: unknown): message is UpdateRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && TYPES.has(type) && Object.keys(message).length === 1;
}

/**
 * Answers an update request with the service: `UpdateInfo` for `getUpdateInfo`, a
 * `CheckForUpdatesReply` for `checkForUpdates`, a `RollbackReply` for `rollback`. The caller has
 * checked the sender.
 */
export async function answerUpdateRequest(
  service: UpdateService,
  request: UpdateRequest,
): Promise<UpdateInfo | CheckForUpdatesReply | RollbackReply> {
  switch (request.type) {
    case 'getUpdateInfo':
      return service.info();
    case 'checkForUpdates': {
      const outcome = await service.check();
      return { outcome, info: await service.info() };
    }
    case 'rollback': {
      const outcome = await service.rollback();
      return { outcome, info: await service.info() };
    }
  }
}
