/**
 * The background's side of the `card` message (DESIGN §1, §7): the active dataset generation is
 * indexed once for card lookups and re-indexed when another generation becomes active.
 */
import { createCardIndex, type CardIndex } from '../dataset/card-data';
import { EMPTY_POINTERS, type CrosscheckDB } from './db';
import { getActiveDataset } from './generations';
import type { CardReply, CardRequest } from './messages';

export interface CardService {
  /** Answers a (validated) `card` request from the active dataset. Rejects when none is installed. */
  card(request: CardRequest): Promise<CardReply>;
}

/** Creates the service over `db`. */
export function createCardService(db: CrosscheckDB): CardService {
  let cached: { generation: number; index: CardIndex } | null = null;

  async function indexFor(generation: number | null): Promise<CardIndex> {
    if (cached !== null && cached.generation === generation) return cached.index;
    const record = await getActiveDataset(db);
    if (record === null) throw new Error('no dataset is installed');
    if (cached === null || cached.generation !== record.generation)
      cached = { generation: record.generation, index: createCardIndex(record.dataset) };
    return cached.index;
  }

  return {
    async card(request) {
      // Only the pointer is read per request; the dataset itself only when the generation changed.
      const pointers = (await db.get('pointers', 'pointers')) ?? EMPTY_POINTERS;
      const index = await indexFor(pointers.active);
      const card =
        request.kind === 'figure' ? index.figureCard(request.quantity) : index.nameCard(request.entity);
      return card === null ? { status: 'missing' } : { status: 'card', card };
    },
  };
}
