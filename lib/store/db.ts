/**
 * The extension's IndexedDB database (idb): dataset generations, the pointers that say which
 * generation is active, and the reader's settings. Only the extension's own origin (background,
 * popup, options) opens it; content scripts ask the background.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Manifest } from '../dataset/manifest';
import type { CompiledDataset } from '../dataset/types';

/** The default database name. */
export const STORE_NAME = 'crosscheck';
const SCHEMA_VERSION = 1;

/** Where a generation came from. */
export type GenerationSource = 'bundled' | 'update';

/** The parts of a verified release manifest kept with a generation installed from it. */
export type InstalledManifest = Pick<Manifest, 'dataset' | 'version' | 'created' | 'expires'>;

/** One installed dataset, as stored. */
export interface GenerationRecord {
  /** Increases with every install; identifies the generation (the matcher is built once per one). */
  generation: number;
  dataset: CompiledDataset;
  source: GenerationSource;
  /** ISO timestamp of the install. */
  installedAt: string;
  manifest?: InstalledManifest;
}

/** Which generations are active and previous, and the version floors (one record). */
export interface Pointers {
  active: number | null;
  previous: number | null;
  nextGeneration: number;
  /** Highest bundled version ever installed: rollback never goes below it. */
  floor: number;
  /** Highest version rolled back from: updates at or below it are refused. */
  blocked: number;
}

export interface CrosscheckSchema extends DBSchema {
  generations: { key: number; value: GenerationRecord };
  pointers: { key: 'pointers'; value: Pointers };
  settings: { key: string; value: unknown };
}

export type CrosscheckDB = IDBPDatabase<CrosscheckSchema>;

/** The pointers of an empty store. */
export const EMPTY_POINTERS: Pointers = {
  active: null,
  previous: null,
  nextGeneration: 1,
  floor: 0,
  blocked: 0,
};

/**
 * Opens (creating or upgrading as needed) the store in the global `indexedDB`. `name` lets tests
 * use a database of their own.
 */
export function openStore(name: string = STORE_NAME): Promise<CrosscheckDB> {
  return openDB<CrosscheckSchema>(name, SCHEMA_VERSION, {
    upgrade(db) {
      db.createObjectStore('generations', { keyPath: 'generation' });
      db.createObjectStore('pointers');
      db.createObjectStore('settings');
    },
  });
}
