import { describe, expect, it, vi } from 'vitest';
import { answerUpdateRequest, isUpdateRequest } from '../../lib/update/messages';
import type { UpdateInfo, UpdateService } from '../../lib/update/update-service';

describe('isUpdateRequest', () => {
  it.each(['getUpdateInfo', 'checkForUpdates', 'rollback'])('accepts exactly { type: "%s" }', (type) => {
    expect(isUpdateRequest({ type })).toBe(true);
  });

  it.each([
    null,
    undefined,
    'checkForUpdates',
    {},
    { type: 'checkforupdates' },
    { type: 'checkForUpdates', url: 'https://evil.example/manifest.json' },
    { type: 'rollback', to: 1 },
    ['checkForUpdates'],
    { type: 'getStatus' },
  ])('refuses %j', (message) => {
    expect(isUpdateRequest(message)).toBe(false);
  });
});

describe('answerUpdateRequest', () => {
  const INFO: UpdateInfo = {
    status: null,
    lastCheck: null,
    staleSince: null,
    channelHost: 'updates.example',
  };
  function fakeService(): UpdateService {
    return {
      check: vi.fn(async () => ({ status: 'up-to-date' as const, version: 1 })),
      rollback: vi.fn(async () => ({ status: 'not-rolled-back' as const, reason: 'no-previous' as const })),
      info: vi.fn(async () => INFO),
    };
  }

  it('answers each request with the service, the state after it included', async () => {
    const service = fakeService();
    expect(await answerUpdateRequest(service, { type: 'getUpdateInfo' })).toEqual(INFO);
    expect(service.check).not.toHaveBeenCalled();
    expect(await answerUpdateRequest(service, { type: 'checkForUpdates' })).toEqual({
      outcome: { status: 'up-to-date', version: 1 },
      info: INFO,
    });
    expect(service.check).toHaveBeenCalledTimes(1);
    expect(await answerUpdateRequest(service, { type: 'rollback' })).toEqual({
      outcome: { status: 'not-rolled-back', reason: 'no-previous' },
      info: INFO,
    });
    expect(service.rollback).toHaveBeenCalledTimes(1);
  });
});
