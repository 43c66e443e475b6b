/** The reader's settings, stored beside the dataset generations. */
import type { CrosscheckDB } from './db';

export interface Settings {
  /** Hostnames (lower case) where the extension is off. */
  disabledSites: string[];
}

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = { disabledSites: [] };

/** Reads the settings; a missing or malformed value reads as its default. */
export async function getSettings(db: CrosscheckDB): Promise<Settings> {
  const disabledSites = await db.get('settings', 'disabledSites');
  return {
    disabledSites: isStringArray(disabledSites) ? disabledSites : DEFAULT_SETTINGS.disabledSites,
  };
}

/** Writes the given settings in one transaction and returns the settings as now stored. */
export async function updateSettings(db: CrosscheckDB, patch: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  if (patch.disabledSites !== undefined) {
    const sites = [...new Set(patch.disabledSites.map((site) => site.toLowerCase()))].sort();
    await tx.store.put(sites, 'disabledSites');
  }
  await tx.done;
  return getSettings(db);
}

/** Turns the extension off (or back on) for one hostname; returns the settings as now stored. */
export async function setSiteDisabled(
  db: CrosscheckDB,
  hostname: string,
  disabled: boolean,
): Promise<Settings> {
  const { disabledSites } = await getSettings(db);
  const host = hostname.toLowerCase();
  const rest = disabledSites.filter((site) => site !== host);
  return updateSettings(db, { disabledSites: disabled ? [...rest, host] : rest });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
