/**
 * Synthetic dataset entities for the alias-index benchmark: made-up names from syllables, two
 * aliases per entity on average (the name plus one variant), a third of them persons so that the
 * surname index is exercised too.
 */
import type { Entity } from '../../lib/dataset/types';
import { pick, seededRandom } from './prng';

const SYLLABLES = [
  'ka',
  'ren',
  'vo',
  'lim',
  'sta',
  'dor',
  'mi',
  'ne',
  'tsu',
  'gor',
  'ba',
  'el',
  'yun',
  'ko',
  'ras',
  'ti',
];

/** Entities whose names and aliases add up to exactly `aliasCount` alias strings. */
export function syntheticEntities(aliasCount: number, seed = 7): Entity[] {
  const random = seededRandom(seed);
  const word = (): string => {
    const n = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(random, SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const entities: Entity[] = [];
  let made = 0;
  for (let i = 0; made < aliasCount; i++) {
    const person = i % 3 === 0;
    // The index makes names unique, as ids and real names mostly are.
    const name = `${word()} ${word()} ${i.toString(36)}`;
    const aliases = made + 1 < aliasCount ? [{ text: `${word()}-${i.toString(36)}` }] : [];
    made += 1 + aliases.length;
    const entity: Entity = {
      id: `e-${i}`,
      kind: person ? 'person' : 'organization',
      name,
      aliases,
      description: 'synthetic',
    };
    if (person) entity.surname = name.split(' ')[1];
    entities.push(entity);
  }
  return entities;
}

/** Every alias string of `entities` (names first), as the baseline indexes them. */
export function aliasStrings(entities: readonly Entity[]): [string, string][] {
  const out: [string, string][] = [];
  for (const e of entities) {
    out.push([e.name, e.id]);
    for (const a of e.aliases) out.push([a.text, e.id]);
  }
  return out;
}
