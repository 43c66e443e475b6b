import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alias, Entity } from '../../lib/dataset/types';
import {
  HASH_START,
  aliasEndInText,
  buildAliasIndex,
  buildTrie,
  firstWordFollowers,
  secondWordMayFollow,
  thirdLetterMayFollow,
  NAME_SLOT,
  WORD_SLOTS,
  firstWordKinds,
  hashWordUnit,
  loadAliasIndex,
  scanAliases,
  serializeAliasIndex,
  type AliasIndex,
} from '../../lib/text/alias-index';
import { NEEDS_FOLD, foldUnit } from '../../lib/text/normalize';

function entity(
  id: string,
  name: string,
  aliases: (string | Alias)[] = [],
  extra: Partial<Entity> = {},
): Entity {
  return {
    id,
    kind: 'other',
    name,
    aliases: aliases.map((a) => (typeof a === 'string' ? { text: a } : a)),
    description: 'test entity',
    ...extra,
  };
}

const ENTITIES: Entity[] = [
  entity('kursk', 'Kursk', [], { kind: 'place' }),
  entity('vladimir-putin', 'Vladimir Putin', ['Putin'], { kind: 'person', surname: 'Putin' }),
  entity('korean-peoples-army', 'Korean People’s Army', ['KPA']),
  entity('peoples-army-short', 'People’s Army'),
  entity('nis', 'National Intelligence Service', [{ text: 'NIS', caseSensitive: true }], { kind: 'agency' }),
  entity('nis-serbia', 'Nis', [], { kind: 'place' }),
  entity('kim-yong-hyun', 'Kim Yong Hyun', ['Kim Yong-hyun', '김용현'], { kind: 'person', surname: 'Kim' }),
  entity('zelensky', 'Volodymyr Zelensky', ['Zelenskyy', 'Zelensky'], {
    kind: 'person',
    surname: 'Zelensky',
  }),
  entity('kim-jong-un', 'Kim Jong Un', ['金正恩', '김정은'], { kind: 'person', surname: 'Kim' }),
  entity('north-korea', 'North Korea', ['DPRK']),
  entity('korea-herald', 'Korea Herald'),
  entity('us', 'United States', [{ text: 'U.S.', caseSensitive: false }]),
];

const index = buildAliasIndex(ENTITIES);
const scan = (text: string, idx: AliasIndex = index) => scanAliases(idx, text).map((m) => [m.text, m.entity]);

describe('scanAliases', () => {
  it('finds names and reports offsets into the original text', () => {
    const text = 'Troops near Kursk were visited by Vladimir Putin.';
    const matches = scanAliases(index, text);
    expect(matches).toEqual([
      { text: 'Kursk', start: 12, end: 17, entity: 'kursk' },
      { text: 'Vladimir Putin', start: 34, end: 48, entity: 'vladimir-putin' },
    ]);
  });

  it('matches whole words only', () => {
    expect(scan('Kurskaya and Kursky are other words; so is kursk_watch and NorthKorea')).toEqual([]);
    expect(scan('(Kursk), "Kursk" and Kursk.')).toEqual([
      ['Kursk', 'kursk'],
      ['Kursk', 'kursk'],
      ['Kursk', 'kursk'],
    ]);
  });

  it('allows a possessive after the name and leaves it out of the match', () => {
    expect(scan("Kursk's fields and Putin’s plans")).toEqual([
      ['Kursk', 'kursk'],
      ['Putin', 'vladimir-putin'],
    ]);
    expect(scan("the Koreas' border, Putin'sque")).toEqual([]);
  });

  it('matches case-insensitively across folded spellings', () => {
    expect(scan('KURSK, kursk, Ｋｕｒｓｋ')).toEqual([
      ['KURSK', 'kursk'],
      ['kursk', 'kursk'],
      ['Ｋｕｒｓｋ', 'kursk'],
    ]);
    expect(scan('Kim Yong-hyun met KIM YONG HYUN and Kim Yong–Hyun')).toEqual([
      ['Kim Yong-hyun', 'kim-yong-hyun'],
      ['KIM YONG HYUN', 'kim-yong-hyun'],
      ['Kim Yong–Hyun', 'kim-yong-hyun'],
    ]);
    expect(scan('Zélensky and Zelenskyy')).toEqual([
      ['Zélensky', 'zelensky'],
      ['Zelenskyy', 'zelensky'],
    ]);
    expect(scan("the Korean People's Army")).toEqual([["Korean People's Army", 'korean-peoples-army']]);
  });

  it('matches a case-sensitive acronym only in its exact case', () => {
    expect(scan('the NIS said')).toEqual([['NIS', 'nis']]);
    expect(scan('the ＮＩＳ said')).toEqual([['ＮＩＳ', 'nis']]);
    // "Nis"/"nis" fall to the case-insensitive city alias that shares the folded form.
    expect(scan('in Nis and nis')).toEqual([
      ['Nis', 'nis-serbia'],
      ['nis', 'nis-serbia'],
    ]);
    expect(scan('NISSAN and UNIS')).toEqual([]);
  });

  it('does not match a case-sensitive alias in another case when nothing else claims it', () => {
    const idx = buildAliasIndex([
      entity('hur', 'Defence Intelligence of Ukraine', [{ text: 'HUR', caseSensitive: true }]),
    ]);
    expect(scan('HUR said', idx)).toEqual([['HUR', 'hur']]);
    expect(scan('Hur said, hur', idx)).toEqual([]);
  });

  it('prefers the longest match at the leftmost start', () => {
    expect(scan('the Korean People’s Army and the People’s Army')).toEqual([
      ['Korean People’s Army', 'korean-peoples-army'],
      ['People’s Army', 'peoples-army-short'],
    ]);
    // Leftmost wins even when a longer match starts inside it.
    expect(scan('North Korea Herald')).toEqual([['North Korea', 'north-korea']]);
  });

  it('keeps a longer prefix match only when it ends at a word end', () => {
    // "Korean People’s Armyx" is no word end: the shorter alias inside must not be lost either.
    expect(scan('Korean People’s Armyx')).toEqual([]);
    expect(scan('North Korea’s')).toEqual([['North Korea', 'north-korea']]);
  });

  it('resolves an alias shared by two entities to the lowest entity id, whatever the input order', () => {
    const a = entity('zeta', 'Zeta Force', ['Storm']);
    const b = entity('alpha', 'Alpha Unit', ['Storm']);
    expect(scan('Storm', buildAliasIndex([a, b]))).toEqual([['Storm', 'alpha']]);
    expect(scan('Storm', buildAliasIndex([b, a]))).toEqual([['Storm', 'alpha']]);
  });

  it('matches aliases with punctuation inside', () => {
    expect(scan('the U.S. said; the u.s. said; the U.S.A. said')).toEqual([
      ['U.S.', 'us'],
      ['u.s.', 'us'],
    ]);
  });

  it('matches Hangul names before particles and Han names without spaces', () => {
    expect(scan('김용현은 말했다. 김정은의 군대')).toEqual([
      ['김용현', 'kim-yong-hyun'],
      ['김정은', 'kim-jong-un'],
    ]);
    expect(scan('김용현순')).toEqual([]);
    expect(scan('北朝鮮の金正恩氏は')).toEqual([['金正恩', 'kim-jong-un']]);
  });

  it('returns nothing for an empty index or empty text', () => {
    expect(scan('Kursk', buildAliasIndex([]))).toEqual([]);
    expect(scan('')).toEqual([]);
  });

  it('uses direct tables and binary search on wide nodes', () => {
    // Thirty ASCII siblings and twelve Hangul siblings under the same parent.
    const ascii = Array.from({ length: 30 }, (_, i) =>
      entity(`a-${i}`, `Ka${String.fromCharCode(97 + (i % 26))}${i}`),
    );
    const hangul = Array.from({ length: 12 }, (_, i) =>
      entity(`h-${i}`, `가${String.fromCharCode(0xac00 + 28 * i)}`),
    );
    const idx = buildAliasIndex([...ascii, ...hangul]);
    expect(scan('Kaz25 and Kab1', idx)).toEqual([
      ['Kaz25', 'a-25'],
      ['Kab1', 'a-1'],
    ]);
    expect(scan(`가${String.fromCharCode(0xac00 + 28 * 7)} 하`, idx)).toEqual([
      [`가${String.fromCharCode(0xac00 + 28 * 7)}`, 'h-7'],
    ]);
  });

  it('never throws, returns sorted, non-overlapping matches whose offsets slice to their text', () => {
    const alphabet = fc.constantFrom(
      ...'Kursk Putin’s NIS nis Kim Yong-hyun 김용현은 金正恩 People’s Army Korean U.S. \u00ad\u0301 ́😀'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ unit: 'binary' })),
        (text) => {
          const matches = scanAliases(index, text);
          let last = 0;
          for (const m of matches) {
            expect(text.slice(m.start, m.end)).toBe(m.text);
            expect(m.start).toBeGreaterThanOrEqual(last);
            expect(m.end).toBeGreaterThan(m.start);
            last = m.end;
          }
          expect(scanAliases(index, text)).toEqual(matches);
        },
      ),
    );
  });
});

describe('firstWords', () => {
  const hash = (word: string) => [...word].reduce((h, c) => hashWordUnit(h, c.charCodeAt(0)), HASH_START);
  const kinds = (idx: AliasIndex, word: string) => firstWordKinds(idx.firstWords, hash(word));
  const idx = buildAliasIndex([entity('k', 'Kursk Oblast', ['11th Corps', 'Kim_Jong', 'U.S.'])], {
    titles: ['Major General', 'Gen.'],
  });

  it('holds the first word of every alias (bit 1) and title (bit 2), whatever its case', () => {
    expect(kinds(idx, 'kursk')).toBe(1);
    expect(kinds(idx, 'KURSK')).toBe(1);
    expect(kinds(idx, '11th')).toBe(1);
    expect(kinds(idx, 'kim_jong')).toBe(1);
    expect(kinds(idx, 'u')).toBe(1);
    expect(kinds(idx, 'Major')).toBe(2);
    expect(kinds(idx, 'gen')).toBe(2);
  });

  it('rejects words that begin nothing, prefixes and later words included', () => {
    for (const word of ['oblast', 'kurs', 'kursks', 'corps', 'general', 'the', '11'])
      expect(kinds(idx, word)).toBe(0);
  });

  it('knows which letters may begin the word after a first word and a space', () => {
    const withThe = buildAliasIndex(
      [
        entity('p', 'the Pentagon', ['The Hague', 'the Storm Corps', 'the 11th', 'the-end', 'Kim']),
        entity('k', 'Kim Jong Un', ['Kim']),
      ],
      { titles: ['General', 'the Reverend'] },
    );
    const followers = (idx: AliasIndex, word: string) => firstWordFollowers(idx.firstWords, hash(word));
    const bit = (ch: string) => 1 << (ch.charCodeAt(0) - 97);
    // "the" + digit ("the 11th") or + "-": anything may follow.
    expect(followers(withThe, 'THE')).toBe(-1);
    const plain = buildAliasIndex([entity('p', 'the Pentagon', ['The Hague', 'the Storm Corps'])]);
    expect(followers(plain, 'the')).toBe(bit('p') | bit('h') | bit('s'));
    // An alias itself ("Kim"), a title's first word, a word that is in no alias: anything.
    expect(followers(withThe, 'kim')).toBe(-1);
    expect(followers(withThe, 'general')).toBe(-1);
    expect(followers(plain, 'oblast')).toBe(-1);
    const titled = buildAliasIndex([entity('p', 'the Pentagon')], { titles: ['the Reverend'] });
    expect(followers(titled, 'the')).toBe(-1);
  });

  it('knows which two letters may begin the word after a first word and a space', () => {
    const idx2 = buildAliasIndex([
      entity('p', 'the Pentagon', ['The Hague', 'the Storm Corps', 'the X Group', 'the Tz-1 unit']),
    ]);
    const second = (first: string, next: string) =>
      secondWordMayFollow(idx2.firstWords, hash(first), next.charCodeAt(0) - 97, next.charCodeAt(1) - 97);
    for (const next of ['pe', 'ha', 'st', 'tz']) expect(second('the', next), next).toBe(true);
    // "the X Group": after a one-letter word anything may come.
    expect(second('the', 'xa')).toBe(true);
    // Letters that pass the first-letter filter but continue no alias (a filter may let a few
    // through by hash collision: none of these, with so few pairs).
    for (const next of ['pa', 'hi', 'sa', 'ta', 'te']) expect(second('the', next), next).toBe(false);
  });

  it('knows which three letters may begin the word after a first word and a space', () => {
    const idx3 = buildAliasIndex([
      entity('p', 'the Moscow Times', [
        'the Institute for the Study of War',
        'the Mo Group',
        'the Ka-52 unit',
        'the Xi',
      ]),
    ]);
    const third = (first: string, next: string) => {
      const [x, y, z] = [...next].map((ch) => ch.charCodeAt(0) - 97) as [number, number, number];
      return thirdLetterMayFollow(idx3.firstWords, hash(first), x, y, z);
    };
    for (const next of ['mos', 'ins', 'kaz']) expect(third('the', next), next).toBe(true);
    // "the Mo Group": after "mo" anything may come; so after "xi", and "ka" is followed by a hyphen.
    for (const next of ['mov', 'xix', 'kab']) expect(third('the', next), next).toBe(true);
    // Letters that pass the two-letter filter but continue no alias.
    for (const next of ['inf', 'int', 'inx']) expect(third('the', next), next).toBe(false);
  });

  it("marks each first word's slot, for a scan's one-table pre-check", () => {
    const slot = (word: string) => idx.firstWords.slots[hash(word) & (WORD_SLOTS - 1)];
    expect(idx.firstWords.slots.length).toBe(WORD_SLOTS);
    for (const word of ['kursk', 'KURSK', '11th', 'major']) expect(slot(word), word).toBe(NAME_SLOT);
    const marked = idx.firstWords.slots.filter((x) => x === NAME_SLOT).length;
    expect(marked).toBeLessThan(WORD_SLOTS / 4);
  });

  it('is derived again when an index is loaded', () => {
    const loaded = loadAliasIndex(serializeAliasIndex(idx));
    for (const word of ['kursk', '11th', 'major', 'oblast'])
      expect(kinds(loaded, word)).toBe(kinds(idx, word));
  });
});

describe('aliasEndInText', () => {
  const slot = { entity: -1 };
  const at = (text: string, p: number) => aliasEndInText(index, text, p, foldUnit(text.charCodeAt(p)), slot);

  it('matches on the unfolded text, folding case, dashes and quotes on the fly', () => {
    const text = 'the KIM  Yong–hyun’s visit';
    expect(at(text, 4)).toBe(18); // "KIM  Yong–hyun", without the possessive
    expect(index.entityIds[slot.entity]).toBe('kim-yong-hyun');
    expect(at(text, 0)).toBe(0);
  });

  it('hands over to the folded text when a character folds to nothing or to several units', () => {
    expect(at('Kim Yong Hy\u00adun', 0)).toBe(NEEDS_FOLD);
    expect(at('Kursk\u0301 region', 0)).toBe(NEEDS_FOLD);
  });
});

describe('buildTrie', () => {
  it('accepts each key at one node, children sorted and contiguous', () => {
    const keys = ['ab', 'abc', 'b', 'bcd'];
    const trie = buildTrie(keys);
    const accepted: string[] = [];
    const walk = (node: number, prefix: string) => {
      if (trie.key[node]! >= 0) accepted.push(prefix);
      for (let c = trie.first[node]!; c < trie.first[node + 1]!; c++) {
        if (c > trie.first[node]!) expect(trie.label[c]!).toBeGreaterThan(trie.label[c - 1]!);
        walk(c, prefix + String.fromCharCode(trie.label[c]!));
      }
    };
    walk(0, '');
    expect(accepted).toEqual(keys);
    expect(trie.label.length).toBe(7);
  });
});

describe('serializeAliasIndex / loadAliasIndex', () => {
  it('round-trips to an index that scans identically', () => {
    const buf = serializeAliasIndex(index);
    const loaded = loadAliasIndex(buf);
    const text = 'The NIS and Nis; Korean People’s Army; 김용현은; Kursk’s; People’s Army; U.S.; Zélensky';
    expect(scanAliases(loaded, text)).toEqual(scanAliases(index, text));
    expect(scanAliases(loaded, text).length).toBe(8);
    expect(loaded.titles.count).toBe(index.titles.count);
    expect(Array.from(loaded.surnames.surnamed)).toEqual(Array.from(index.surnames.surnamed));
  });

  it('refuses a buffer that is not an index', () => {
    expect(() => loadAliasIndex(new ArrayBuffer(4))).toThrow(/not an alias index/);
    const buf = serializeAliasIndex(index);
    new DataView(buf).setUint32(4, 99, true);
    expect(() => loadAliasIndex(buf)).toThrow(/format 99/);
  });
});
