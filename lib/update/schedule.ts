/**
 * When the background checks for updates on its own (DESIGN §1: "within the update interval"):
 * an alarm every six hours, and one shortly after the extension is installed or the browser
 * starts, so a new install does not wait six hours for the first check.
 */

/** The alarm's name. */
export const UPDATE_ALARM = 'crosscheck-update-check';
/** Minutes between periodic checks. */
export const CHECK_PERIOD_MINUTES = 6 * 60;
/** Minutes from install or browser start to the first check. */
export const FIRST_CHECK_DELAY_MINUTES = 1;

/** The parts of `browser.alarms` the schedule uses. */
export interface AlarmsLike {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<unknown>;
}

/**
 * Why the schedule is being set: `install` (extension installed or updated) and `startup`
 * (browser start) restart it with a check shortly after; `wake` (any other service-worker start)
 * only creates the alarm if it is missing, so waking up does not postpone the next check.
 */
export type ScheduleReason = 'install' | 'startup' | 'wake';

/**
 * Sets the update alarm for a build with a channel (`hasChannel`), or clears it for one without.
 * Resolves once the alarms API has answered.
 */
export async function scheduleUpdateChecks(
  alarms: AlarmsLike,
  hasChannel: boolean,
  reason: ScheduleReason,
): Promise<void> {
  if (!hasChannel) {
    await alarms.clear(UPDATE_ALARM);
    return;
  }
  if (reason === 'wake' && (await alarms.get(UPDATE_ALARM))) return;
  await alarms.create(UPDATE_ALARM, {
    delayInMinutes: FIRST_CHECK_DELAY_MINUTES,
    periodInMinutes: CHECK_PERIOD_MINUTES,
  });
}

/** True when an alarm (`{ name }` from `alarms.onAlarm`) is the update alarm. */
export function isUpdateAlarm(alarm: { name: string }): boolean {
  return alarm.name === UPDATE_ALARM;
}

/** The extension events and alarms the schedule listens to (subsets of `browser.*`). */
export interface ScheduleApis {
  alarms: AlarmsLike & { onAlarm: { addListener(listener: (alarm: { name: string }) => void): void } };
  runtime: {
    onInstalled: { addListener(listener: () => void): void };
    onStartup: { addListener(listener: () => void): void };
  };
}

/**
 * Wires the schedule into the background, synchronously (MV3 service workers must register
 * listeners in their first turn): `check` runs when the update alarm fires; the alarm is set at
 * install, browser start and this wake-up. Scheduling errors go to `onError`.
 */
export function wireUpdateSchedule(
  apis: ScheduleApis,
  hasChannel: boolean,
  check: () => Promise<unknown>,
  onError: (error: unknown) => void,
): void {
  const schedule = (reason: ScheduleReason) => {
    scheduleUpdateChecks(apis.alarms, hasChannel, reason).catch(onError);
  };
  apis.alarms.onAlarm.addListener((alarm) => {
    if (hasChannel && isUpdateAlarm(alarm)) check().catch(onError);
  });
  apis.runtime.onInstalled.addListener(() => schedule('install'));
  apis.runtime.onStartup.addListener(() => schedule('startup'));
  schedule('wake');
}
