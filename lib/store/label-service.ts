/**
 * Display names for the popup's list (DESIGN §1): quantity labels and entity names by id, from the
 * active dataset generation, indexed once per generation.
 */
import type { CompiledDataset } from '../dataset/types';
import { EMPTY_POINTERS, type CrosscheckDB } from './db';
import { getActiveDataset } from './generations';

export interface LabelService {
  /**
   * The labels of `quantities` and the names of `entities`; ids the active dataset lacks are left
   * out. Rejects when no dataset is installed.
   */
  labels(
    quantities: readonly string[],
    entities: readonly string[],
  ): Promise<{ quantities: Record<string, string>; entities: Record<string, string> }>;
}

interface LabelIndex {
  quantities: Map<string, string>;
  entities: Map<string, string>;
}

/** The id → label and id → name maps of a dataset. */
export function indexLabels(dataset: CompiledDataset): LabelIndex {
  return {
    quantities: new Map(dataset.quantities.map((q) => [q.id, q.label])),
    entities: new Map(dataset.entities.map((e) => [e.id, e.name])),
  };
}

/** Picks the ids found in `map` into a plain object (no prototype, so no inherited keys). */
function pick(map: Map<string, string>, ids: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const id of ids) {
    const label = map.get(id);
    if (label !== undefined) out[id] = label;
  }
  return out;
}

/** Creates the service over `db`. */
export function createLabelService(db: CrosscheckDB): LabelService {
  let cached: { generation: number; index: LabelIndex } | null = null;
  return {
    async labels(quantities, entities) {
      const pointers = (await db.get('pointers', 'pointers')) ?? EMPTY_POINTERS;
      if (cached === null || cached.generation !== pointers.active) {
        const record = await getActiveDataset(db);
        if (record === null) throw new Error('no dataset is installed');
        cached = { generation: record.generation, index: indexLabels(record.dataset) };
      }
      return {
        quantities: pick(cached.index.quantities, quantities),
        entities: pick(cached.index.entities, entities),
      };
    },
  };
}
