import { describe, expect, it, vi } from 'vitest';
import {
  CHECK_PERIOD_MINUTES,
  FIRST_CHECK_DELAY_MINUTES,
  isUpdateAlarm,
  scheduleUpdateChecks,
  UPDATE_ALARM,
  wireUpdateSchedule,
  type AlarmsLike,
} from '../../lib/update/schedule';

/** Alarms kept in a map, like `browser.alarms`. */
function fakeAlarms() {
  const alarms = new Map<string, { delayInMinutes?: number; periodInMinutes?: number }>();
  const api: AlarmsLike = {
    get: async (name) => (alarms.has(name) ? { name, ...alarms.get(name) } : undefined),
    create: vi.fn((name: string, info: { delayInMinutes?: number; periodInMinutes?: number }) => {
      alarms.set(name, info);
    }),
    clear: async (name) => alarms.delete(name),
  };
  return { api, alarms };
}

const EXPECTED = { delayInMinutes: FIRST_CHECK_DELAY_MINUTES, periodInMinutes: CHECK_PERIOD_MINUTES };

describe('scheduleUpdateChecks', () => {
  it('checks every six hours, the first shortly after install or browser start', async () => {
    expect(CHECK_PERIOD_MINUTES).toBe(360);
    for (const reason of ['install', 'startup'] as const) {
      const { api, alarms } = fakeAlarms();
      alarms.set(UPDATE_ALARM, { periodInMinutes: 360 });
      await scheduleUpdateChecks(api, true, reason);
      expect(alarms.get(UPDATE_ALARM)).toEqual(EXPECTED);
    }
  });

  it('on any other wake-up only creates a missing alarm', async () => {
    const { api, alarms } = fakeAlarms();
    await scheduleUpdateChecks(api, true, 'wake');
    expect(alarms.get(UPDATE_ALARM)).toEqual(EXPECTED);
    await scheduleUpdateChecks(api, true, 'wake');
    expect(api.create).toHaveBeenCalledTimes(1);
  });

  it('clears the alarm in a build without a channel', async () => {
    const { api, alarms } = fakeAlarms();
    alarms.set(UPDATE_ALARM, EXPECTED);
    await scheduleUpdateChecks(api, false, 'install');
    expect(alarms.has(UPDATE_ALARM)).toBe(false);
    expect(api.create).not.toHaveBeenCalled();
  });
});

describe('wireUpdateSchedule', () => {
  function fakeApis() {
    const { api, alarms } = fakeAlarms();
    const listeners = {
      alarm: [] as ((a: { name: string }) => void)[],
      installed: [] as (() => void)[],
      startup: [] as (() => void)[],
    };
    return {
      alarms,
      listeners,
      apis: {
        alarms: {
          ...api,
          onAlarm: { addListener: (l: (a: { name: string }) => void) => listeners.alarm.push(l) },
        },
        runtime: {
          onInstalled: { addListener: (l: () => void) => listeners.installed.push(l) },
          onStartup: { addListener: (l: () => void) => listeners.startup.push(l) },
        },
      },
    };
  }

  it('registers its listeners at once, runs the check on the update alarm only, and sets the alarm', async () => {
    const { apis, alarms, listeners } = fakeApis();
    const check = vi.fn(async () => undefined);
    wireUpdateSchedule(apis, true, check, (error) => {
      throw error;
    });
    expect(listeners.alarm).toHaveLength(1);
    expect(listeners.installed).toHaveLength(1);
    expect(listeners.startup).toHaveLength(1);
    await vi.waitFor(() => expect(alarms.get(UPDATE_ALARM)).toEqual(EXPECTED));
    listeners.alarm[0]!({ name: 'something-else' });
    expect(check).not.toHaveBeenCalled();
    listeners.alarm[0]!({ name: UPDATE_ALARM });
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('never checks in a build without a channel, and reports failures', async () => {
    const { apis, listeners } = fakeApis();
    const check = vi.fn(async () => {
      throw new Error('boom');
    });
    const errors: unknown[] = [];
    wireUpdateSchedule(apis, false, check, (error) => errors.push(error));
    listeners.alarm[0]!({ name: UPDATE_ALARM });
    expect(check).not.toHaveBeenCalled();
    const { apis: withChannel, listeners: other } = fakeApis();
    wireUpdateSchedule(withChannel, true, check, (error) => errors.push(error));
    other.alarm[0]!({ name: UPDATE_ALARM });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
  });
});

describe('isUpdateAlarm', () => {
  it('matches the update alarm by name', () => {
    expect(isUpdateAlarm({ name: UPDATE_ALARM })).toBe(true);
    expect(isUpdateAlarm({ name: 'other' })).toBe(false);
  });
});
