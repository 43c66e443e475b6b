import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_LABELS,
  ATTRIBUTION_MARKERS,
  attributionLabel,
  CARD_ATTRIBUTION_TYPES,
  typesPresent,
} from '../../lib/card/attribution';
import { ATTRIBUTION_TYPES } from '../../lib/dataset/types';

describe('attribution labels and markers', () => {
  it('covers every dataset type and unclear', () => {
    expect(CARD_ATTRIBUTION_TYPES).toEqual([...ATTRIBUTION_TYPES, 'unclear']);
    for (const type of CARD_ATTRIBUTION_TYPES) {
      expect(ATTRIBUTION_LABELS[type]).toMatch(/^[A-Z]/);
      expect(ATTRIBUTION_MARKERS[type]).toBeDefined();
    }
  });

  it('uses the readers’ wording', () => {
    expect(ATTRIBUTION_LABELS['named-official']).toBe('Named official');
    expect(ATTRIBUTION_LABELS['intelligence-assessment']).toBe('Intelligence estimate');
    expect(ATTRIBUTION_LABELS['party-claim']).toBe('Claim by a party to the war');
    expect(ATTRIBUTION_LABELS['state-media']).toBe('State media');
    expect(ATTRIBUTION_LABELS['media-relay']).toBe('Relayed from other media');
    expect(ATTRIBUTION_LABELS.hearsay).toBe('Hedged, no source');
    expect(ATTRIBUTION_LABELS.unattributed).toBe('No source given');
    expect(ATTRIBUTION_LABELS.unclear).toBe('Unclear');
  });

  it('gives no two types the same label or the same marker (shape and fill)', () => {
    const labels = CARD_ATTRIBUTION_TYPES.map((t) => ATTRIBUTION_LABELS[t]);
    expect(new Set(labels).size).toBe(labels.length);
    const markers = CARD_ATTRIBUTION_TYPES.map(
      (t) => `${ATTRIBUTION_MARKERS[t].shape}/${ATTRIBUTION_MARKERS[t].filled}`,
    );
    expect(new Set(markers).size).toBe(markers.length);
  });

  it('reads unknown types as unclear', () => {
    expect(attributionLabel('rumour')).toBe('Unclear');
  });
});

describe('typesPresent', () => {
  it('lists each present type once, in legend order, dropping unknown ones', () => {
    expect(typesPresent(['hearsay', 'named-official', 'hearsay', 'bogus', 'unclear'])).toEqual([
      'named-official',
      'hearsay',
      'unclear',
    ]);
  });
});
