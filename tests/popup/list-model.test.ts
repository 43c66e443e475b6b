import { describe, expect, it } from 'vitest';
import type { PopupMark } from '../../lib/page/tab-messages';
import { buildListModel, countsText, idsToLabel, plural } from '../../lib/popup/list-model';

const LABELS = {
  quantities: {
    'nk-troops': 'North Korean troops deployed to Russia',
    'nk-casualties': 'North Korean casualties',
  },
  entities: { 'kim-jong-un': 'Kim Jong Un', kpa: 'Korean People\u2019s Army', shin: 'Shin Geum Chul' },
};

const MARKS: PopupMark[] = [
  { kind: 'name', index: 0, text: 'Kim Jong Un', entity: 'kim-jong-un' },
  { kind: 'figure', index: 1, text: 'about 12,000', quantity: 'nk-troops', attribution: 'unattributed' },
  { kind: 'name', index: 2, text: 'Shin Geum Chul', entity: 'shin' },
  { kind: 'name', index: 3, text: "Korean People's Army", entity: 'kpa' },
  { kind: 'figure', index: 4, text: 'More than 5,000', quantity: 'nk-casualties', attribution: 'hearsay' },
  { kind: 'name', index: 5, text: 'Major General Shin', entity: 'shin' },
  { kind: 'name', index: 6, text: 'KIM JONG UN', entity: 'kim-jong-un' },
  { kind: 'figure', index: 7, text: '50,000', quantity: 'unknown-q' },
  { kind: 'name', index: 8, text: 'General Shin', entity: 'shin' },
  { kind: 'name', index: 9, text: 'Major General Shin', entity: 'shin' },
  { kind: 'name', index: 10, text: 'Storm Corps', entity: 'storm-corps' },
];

describe('plural / countsText', () => {
  it('says one or many', () => {
    expect(plural(1, 'figure')).toBe('1 figure');
    expect(plural(0, 'figure')).toBe('0 figures');
    expect(plural(1200, 'name')).toBe('1,200 names');
    expect(countsText({ figures: 9, names: 25 })).toBe('9 figures, 25 names');
    expect(countsText({ figures: 1, names: 1 })).toBe('1 figure, 1 name');
  });
});

describe('buildListModel', () => {
  const model = buildListModel(MARKS, LABELS);

  it('lists figures in document order with their quantity label and attribution', () => {
    expect(model.figures).toEqual([
      {
        index: 1,
        text: 'about 12,000',
        label: 'North Korean troops deployed to Russia',
        attribution: 'unattributed',
      },
      { index: 4, text: 'More than 5,000', label: 'North Korean casualties', attribution: 'hearsay' },
      { index: 7, text: '50,000', label: 'unknown-q' },
    ]);
  });

  it('groups names by entity in order of first mention, with every mention and the other spellings', () => {
    expect(model.names.map((g) => [g.name, g.mentions])).toEqual([
      ['Kim Jong Un', [0, 6]],
      ['Shin Geum Chul', [2, 5, 8, 9]],
      ['Korean People\u2019s Army', [3]],
      ['Storm Corps', [10]],
    ]);
    // Case and quote style alone are not another spelling.
    expect(model.names[0]!.variants).toEqual([]);
    expect(model.names[2]!.variants).toEqual([]);
    expect(model.names[1]!.variants).toEqual(['Major General Shin', 'General Shin']);
  });

  it('falls back to the first mention’s text for an entity the dataset does not name', () => {
    expect(model.names[3]).toMatchObject({ entity: 'storm-corps', name: 'Storm Corps', variants: [] });
  });

  it('counts every figure and every name mention', () => {
    expect(model.countsText).toBe('3 figures, 8 names');
    expect(buildListModel([], LABELS)).toEqual({ figures: [], names: [], countsText: '0 figures, 0 names' });
  });

  it('does not take inherited keys for labels', () => {
    const odd = buildListModel([{ kind: 'figure', index: 0, text: '3', quantity: 'constructor' }], LABELS);
    expect(odd.figures[0]!.label).toBe('constructor');
  });
});

describe('idsToLabel', () => {
  it('lists each quantity and entity once', () => {
    expect(idsToLabel(MARKS)).toEqual({
      quantities: ['nk-troops', 'nk-casualties', 'unknown-q'],
      entities: ['kim-jong-un', 'shin', 'kpa', 'storm-corps'],
    });
  });
});
