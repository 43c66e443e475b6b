import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/dataset/types';
import { buildAliasIndex } from '../../lib/text/alias-index';
import { findNames, findNamesFolded } from '../../lib/text/names';

function person(
  id: string,
  name: string,
  surname: string,
  aliases: string[] = [],
  roles: string[] = [],
): Entity {
  return {
    id,
    kind: 'person',
    name,
    surname,
    aliases: aliases.map((text) => ({ text })),
    description: 'test person',
    roles: roles.map((title) => ({ title })),
  };
}

function thing(id: string, kind: Entity['kind'], name: string, aliases: string[] = []): Entity {
  return { id, kind, name, aliases: aliases.map((text) => ({ text })), description: 'test entity' };
}

/** A small hand-made stand-in for the bundled dataset, with the seed page's entity ids. */
const ENTITIES: Entity[] = [
  thing('kursk', 'place', 'Kursk', ['Kursk Oblast']),
  thing('storm-shadow', 'weapon', 'Storm Shadow', ['SCALP-EG']),
  person('shin-geum-chul', 'Shin Geum Chul', 'Shin', ['Shin Kum Chol']),
  person('kim-yong-bok', 'Kim Yong Bok', 'Kim', ['Kim Young Bok', 'Kim Yong-bok']),
  person('ri-chang-ho', 'Ri Chang Ho', 'Ri', ['Ri Chang-ho']),
  thing('korean-peoples-army', 'military-unit', 'Korean People’s Army', ['KPA']),
  thing('reconnaissance-general-bureau', 'agency', 'Reconnaissance General Bureau', ['RGB']),
  thing('nk-11th-corps', 'military-unit', '11th Corps', ['Storm Corps']),
  person('kim-yong-hyun', 'Kim Yong Hyun', 'Kim', ['Kim Yong-hyun'], ['Defense Minister']),
  person('kim-jong-un', 'Kim Jong Un', 'Kim', ['Kim Jong-un']),
  person('vladimir-putin', 'Vladimir Putin', 'Putin'),
  person('donald-trump', 'Donald Trump', 'Trump'),
  person('tsutomu-nishioka', 'Tsutomu Nishioka', 'Nishioka'),
  thing('jinf', 'organization', 'Japan Institute for National Fundamentals', ['JINF']),
  person('pat-ryder', 'Pat Ryder', 'Ryder', [], ['Pentagon Press Secretary']),
  person('john-kirby', 'John Kirby', 'Kirby'),
  person('antony-blinken', 'Antony Blinken', 'Blinken'),
  person('lee-seong-kweun', 'Lee Seong-kweun', 'Lee'),
  // Aliases that begin with "the": the pass skips "the" + a letter that continues none of them.
  thing('pentagon', 'agency', 'the Pentagon', ['The Hague Court']),
];

const index = buildAliasIndex(ENTITIES);
const names = (text: string) => findNames(index, text).map((m) => [m.text, m.entity]);

describe('findNames: alias matches', () => {
  it("finds every name the seed page expects, in sentences of this test's own", () => {
    const text = [
      'Tsutomu Nishioka of the Japan Institute for National Fundamentals writes about Kursk.',
      'Storm Shadow missiles hit a base near Kursk, and Shin Geum Chul died of his wounds.',
      'Kim Young Bok, of the Korean People’s Army, and Ri Chang Ho, of the Reconnaissance General Bureau,',
      'went with him; so did men of the Storm Corps. Shin Geum Chul was later named in reports from Kursk.',
      'Kim Yong Hyun spoke about it. Kim Jong Un stayed silent; Kim Jong Un has not commented.',
      'Vladimir Putin met envoys; Donald Trump was about to take office. Later, Major General Shin was buried.',
    ].join(' ');
    const found = findNames(index, text);
    const expected = JSON.parse(
      readFileSync(new URL('../fixtures/pages/seed-nk-troops-kursk.expected.json', import.meta.url), 'utf8'),
    ) as { names: { text: string; entity: string; minCount: number }[] };
    for (const want of expected.names) {
      const count = found.filter((m) => m.text === want.text && m.entity === want.entity).length;
      expect(count, want.text).toBeGreaterThanOrEqual(want.minCount);
    }
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds the seed names in the seed article itself', () => {
    const html = readFileSync(
      new URL('../fixtures/pages/seed-nk-troops-kursk.html', import.meta.url),
      'utf8',
    );
    // Crude tag stripping is enough here: the article's text is plain paragraphs.
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>')).replace(/<[^>]*>/g, ' ');
    const found = findNames(index, article);
    const expected = JSON.parse(
      readFileSync(new URL('../fixtures/pages/seed-nk-troops-kursk.expected.json', import.meta.url), 'utf8'),
    ) as { names: { text: string; entity: string; minCount: number }[] };
    for (const want of expected.names) {
      const count = found.filter((m) => m.text === want.text && m.entity === want.entity).length;
      expect(count, want.text).toBeGreaterThanOrEqual(want.minCount);
    }
    // "General Kim" comes after Kim Young Bok and before the other two Kims are named.
    expect(found.filter((m) => m.text === 'General Kim').map((m) => m.entity)).toEqual(['kim-yong-bok']);
  });
});

describe('findNames: title + surname back-references', () => {
  it('links a title and surname to the person named in full earlier', () => {
    expect(names('Shin Geum Chul was hurt. Later Major General Shin died.')).toEqual([
      ['Shin Geum Chul', 'shin-geum-chul'],
      ['Major General Shin', 'shin-geum-chul'],
    ]);
  });

  it('knows the built-in titles and abbreviations', () => {
    const text =
      'Pat Ryder, John Kirby, Antony Blinken, Lee Seong-kweun and Volodymyr spoke. ' +
      'Gen. Ryder agreed; Mr. Kirby and Mr Kirby too; Secretary of State Blinken left; Rep. Lee stayed.';
    expect(names(text).slice(4)).toEqual([
      ['Gen. Ryder', 'pat-ryder'],
      ['Mr. Kirby', 'john-kirby'],
      ['Mr Kirby', 'john-kirby'],
      ['Secretary of State Blinken', 'antony-blinken'],
      ['Rep. Lee', 'lee-seong-kweun'],
    ]);
  });

  it("uses the entities' role titles as titles", () => {
    expect(names('Pat Ryder spoke. Pentagon Press Secretary Ryder then left.').slice(1)).toEqual([
      ['Pentagon Press Secretary Ryder', 'pat-ryder'],
    ]);
    const custom = buildAliasIndex([person('x-y', 'Xavier Yount', 'Yount', [], ['Quartermaster'])], {
      titles: [],
    });
    expect(
      findNames(custom, 'Xavier Yount came. Quartermaster Yount left. General Yount stayed.').length,
    ).toBe(2);
  });

  it('never refers back before the full mention', () => {
    expect(names('Major General Shin was hurt. Shin Geum Chul died.')).toEqual([
      ['Shin Geum Chul', 'shin-geum-chul'],
    ]);
  });

  it('refuses a surname shared by two persons already named, and accepts it while only one was', () => {
    const text = 'Kim Young Bok leads. General Kim inspected troops. Kim Jong Un watched. General Kim left.';
    expect(names(text)).toEqual([
      ['Kim Young Bok', 'kim-yong-bok'],
      ['General Kim', 'kim-yong-bok'],
      ['Kim Jong Un', 'kim-jong-un'],
    ]);
  });

  it('lets full matches win over an overlapping back-reference', () => {
    expect(names('Shin Geum Chul and Major General Shin Geum Chul')).toEqual([
      ['Shin Geum Chul', 'shin-geum-chul'],
      ['Shin Geum Chul', 'shin-geum-chul'],
    ]);
    expect(names('Kim Yong Hyun spoke; Defense Minister Kim Yong Hyun spoke again')).toEqual([
      ['Kim Yong Hyun', 'kim-yong-hyun'],
      ['Kim Yong Hyun', 'kim-yong-hyun'],
    ]);
  });

  it('does not read a lower-case surname, a surname inside a longer name, or a title inside a word', () => {
    expect(names('Antony Blinken met the secretary blinken').length).toBe(1);
    expect(names('Kim Jong Un spoke. General Kim Yo Jong replied.')).toEqual([
      ['Kim Jong Un', 'kim-jong-un'],
    ]);
    expect(names('John Kirby spoke. AttorneyGeneral Kirby, General Kirbyson.')).toEqual([
      ['John Kirby', 'john-kirby'],
    ]);
  });

  it("covers the title and surname but not a possessive 's", () => {
    expect(names('Shin Geum Chul died. General Shin’s aide survived.')[1]).toEqual([
      'General Shin',
      'shin-geum-chul',
    ]);
  });

  it('is deterministic, never throws, and slices to its text on arbitrary input', () => {
    const words = fc.constantFrom(
      'General',
      'Major',
      'Gen.',
      'Kim',
      'Shin',
      'Geum',
      'Chul',
      'Young',
      'Bok',
      'Jong',
      'Un',
      'Mr.',
      'Kirby',
      'John',
      'and',
      ',',
      '’s',
      '.',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')),
          fc.string({ unit: 'binary' }),
        ),
        (text) => {
          const found = findNames(index, text);
          let last = 0;
          for (const m of found) {
            expect(text.slice(m.start, m.end)).toBe(m.text);
            expect(m.start).toBeGreaterThanOrEqual(last);
            last = m.end;
          }
          expect(findNames(index, text)).toEqual(found);
        },
      ),
    );
  });
});

describe('findNames: the on-the-fly pass agrees with the folded reference', () => {
  // Pieces that make the pass fall back to the folded text (soft hyphens, combining accents,
  // ligatures, astral and lone surrogates) or fold on the fly (curly quotes, dashes, Hangul, Han),
  // around names, titles and surnames.
  const pieces = fc.constantFrom(
    'the',
    'THE ',
    'Pentagon',
    'the Pentagon',
    'Hague Court',
    'Shin Geum Chul',
    'Kim Young Bok',
    'Kim Jong Un',
    'Pat Ryder',
    'Korean People’s Army',
    'Kursk',
    'Kursk Oblast',
    '11th Corps',
    'Storm Corps',
    'General',
    'Major General',
    'Gen.',
    'Mr',
    'Defense Minister',
    'Secretary of State',
    'Kim',
    'Shin',
    'Ryder',
    'kim',
    'SHIN',
    'O’',
    ' ',
    '  ',
    '\n\n',
    '-',
    ' – ',
    '’s',
    "'s",
    '`',
    ',',
    '.',
    '\u00ad',
    '\u0301',
    '\u200d',
    'ﬁ',
    'ß',
    'ŉ',
    '½',
    '😀',
    '\ud800',
    '김용현은',
    '金正恩',
    'é',
    'ＮＩＳ',
  );
  const texts = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

  it('finds the same matches, at the same offsets, as the rules applied to the folded text', () => {
    fc.assert(
      fc.property(fc.oneof(texts, fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        expect(findNames(index, text)).toEqual(findNamesFolded(index, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds an alias after "the" and skips "the" before any other word, whatever comes before it', () => {
    const text = 'the Pentagon, the Kursk Oblast, THE HAGUE COURT, é the Pentagon, the Hague, the  Pentagon';
    expect(names(text)).toEqual([
      ['the Pentagon', 'pentagon'],
      ['Kursk Oblast', 'kursk'],
      ['THE HAGUE COURT', 'pentagon'],
      ['the Pentagon', 'pentagon'],
      ['the  Pentagon', 'pentagon'],
    ]);
    expect(findNames(index, text)).toEqual(findNamesFolded(index, text));
  });

  it('falls back to the folded text next to characters it cannot fold on the fly', () => {
    // A soft hyphen inside the surname, a combining accent after the name, a ligature in a title.
    const text = 'Shin Geum Chul\u0301 left. Major General Sh\u00adin stayed; Kim Young Bok ﬁled.';
    expect(names(text)).toEqual([
      ['Shin Geum Chul\u0301', 'shin-geum-chul'],
      ['Major General Sh\u00adin', 'shin-geum-chul'],
      ['Kim Young Bok', 'kim-yong-bok'],
    ]);
    expect(findNames(index, text)).toEqual(findNamesFolded(index, text));
  });
});
