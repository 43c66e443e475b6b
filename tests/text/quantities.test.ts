import { describe, expect, it } from 'vitest';
import type { Quantity } from '../../lib/dataset/types';
import { compileQuantities, linkQuantity, SentenceLinker, unitStartWords } from '../../lib/text/quantities';
import { tokenizeInto, Tokens } from '../../lib/text/words';

const SUBJECT = ['North Korean', "North Korea's", 'DPRK', "Pyongyang's", 'North Koreans'];

function q(id: string, unit: string, cues: Partial<Quantity['cues']>): Quantity {
  return {
    id,
    label: id,
    unit,
    cues: { subject: SUBJECT, unit: [], event: [], exclude: [], ...cues },
  };
}

const QUANTITIES: Quantity[] = [
  q('deployed', 'troops', {
    unit: ['troops', 'soldiers'],
    event: ['sent', 'deployed', 'in Russia'],
    exclude: ['additional', 'killed', 'wounded'],
  }),
  q('additional', 'troops', {
    unit: ['troops', 'soldiers'],
    event: ['additional', 'more'],
    exclude: ['killed'],
  }),
  q('killed', 'troops', {
    unit: ['troops', 'soldiers', 'dead'],
    event: ['killed', 'died'],
    exclude: ['wounded', 'casualties', 'killed or wounded'],
  }),
  q('wounded', 'troops', {
    unit: ['troops', 'soldiers', 'wounded'],
    event: ['wounded', 'injured'],
    exclude: ['killed or wounded'],
  }),
  q('casualties', 'troops', {
    unit: ['casualties', 'killed or wounded', 'killed and wounded'],
    event: ['casualties', 'killed or wounded', 'killed and wounded', 'suffered'],
  }),
  q('officers', 'officers', { unit: ['officers'], event: ['sent', 'including', 'among'] }),
  q('generals', 'generals', {
    unit: ['generals'],
    event: ['sent', 'including', 'among'],
    exclude: ['killed'],
  }),
  q('share-lost', 'percent', { unit: ['of the force'], event: ['lost'] }),
];
const M = compileQuantities(QUANTITIES);

/**
 * Links the figure `figure` (its first occurrence after `from`) of `sentence`; `others` are the
 * other figure surfaces of the same sentence; `previous` is the previous sentence of the block.
 */
function link(
  sentence: string,
  figure: string,
  options: { others?: string[]; previous?: string; unit?: string; quantities?: Quantity[] } = {},
): string | undefined {
  const prefix = options.previous ? `${options.previous} ` : '';
  const text = prefix + sentence;
  const at = text.indexOf(figure, prefix.length);
  if (at < 0) throw new Error(`${figure} not found`);
  const others = (options.others ?? []).map((o) => {
    const p = text.indexOf(o, prefix.length);
    return { start: p, end: p + o.length };
  });
  const fig = { start: at, end: at + figure.length, ...(options.unit ? { unit: options.unit } : {}) };
  const m = options.quantities ? compileQuantities(options.quantities) : M;
  const span = { start: prefix.length, end: text.length };
  const previous = options.previous ? { start: 0, end: options.previous.length } : undefined;
  return linkQuantity(m, text, span, fig, others, previous);
}

describe('linkQuantity', () => {
  it('uses the unit noun after the figure, skipping subject words', () => {
    expect(
      link('As of November, about 12,000 North Korean troops were sent to Russia.', 'about 12,000'),
    ).toBe('deployed');
  });

  it('matches cues case-folded and with possessives ("North Korea\'s" ≈ "North Korea")', () => {
    expect(link("NORTH KOREA'S ARMY SENT 11,000 SOLDIERS.", '11,000')).toBe('deployed');
    expect(link('Pyongyang’s 11,000 soldiers were deployed.', '11,000')).toBe('deployed');
  });

  it('tells the additional deployment apart by its event word and exclusions', () => {
    expect(link('North Korea is preparing to send an additional 50,000 troops.', '50,000')).toBe(
      'additional',
    );
  });

  it('uses the head noun before the figure when nothing follows it', () => {
    expect(link('North Korean casualties in this attack totaled about 2,000.', 'about 2,000')).toBe(
      'casualties',
    );
  });

  it('takes the unit and subject of the previous sentence for "of them"', () => {
    expect(
      link('More than 5,000 of them apparently have been killed or wounded.', 'More than 5,000', {
        previous: 'About 12,000 North Korean troops were sent to Russia.',
      }),
    ).toBe('casualties');
  });

  it('"killed or wounded" / "killed and wounded" link to casualties, never to killed', () => {
    expect(link('About 3,000 North Korean soldiers were killed or wounded.', 'About 3,000')).toBe(
      'casualties',
    );
    expect(link('North Korean troops had 1,000 killed and wounded.', '1,000')).toBe('casualties');
  });

  it('links each of two figures to its own quantity', () => {
    const s = 'North Korean soldiers suffered losses: about 300 killed and 2,700 wounded.';
    expect(link(s, 'about 300', { others: ['2,700'] })).toBe('killed');
    expect(link(s, '2,700', { others: ['about 300'] })).toBe('wounded');
    const t = 'Among North Korean troops sent to Russia are about 500 officers, including three generals.';
    expect(link(t, 'about 500', { others: ['three'] })).toBe('officers');
    expect(link(t, 'three', { others: ['about 500'] })).toBe('generals');
  });

  it("an exclude word counts only in its own figure's segment of the sentence", () => {
    const s = 'About 300 North Korean soldiers were killed and 2,700 wounded.';
    expect(link(s, 'About 300', { others: ['2,700'] })).toBe('killed');
    expect(link(s, '2,700', { others: ['About 300'] })).toBe('wounded');
    // "killed" (an exclude word of `deployed`) is in the first figure's segment only...
    const t = 'About 300 North Korean soldiers were killed and 2,700 troops were sent to Russia.';
    const deployedOnly = { others: ['About 300'], quantities: QUANTITIES.slice(0, 1) };
    expect(link(t, '2,700', deployedOnly)).toBe('deployed');
    // ...but without a conjunction or punctuation between the figures the stretch stays shared.
    const u = 'About 300 North Korean soldiers killed 2,700 troops sent to Russia.';
    expect(link(u, '2,700', deployedOnly)).toBeUndefined();
    // One figure: the whole sentence is its segment.
    expect(link('About 300 North Korean soldiers were killed and wounded.', 'About 300')).toBe('casualties');
  });

  it('a tie goes to the quantity that carves the others out by excluding their event words', () => {
    const general = q('general', 'troops', {
      unit: ['soldiers'],
      event: ['killed'],
      exclude: ['strike'],
    });
    const strike = q('strike', 'troops', { unit: ['soldiers'], event: ['killed', 'strike'] });
    const both = { quantities: [strike, general] };
    expect(link('About 300 North Korean soldiers were killed.', 'About 300', both)).toBe('general');
    expect(link('About 300 North Korean soldiers were killed in a strike.', 'About 300', both)).toBe(
      'strike',
    );
    // Without the exclusion it is a plain tie.
    const plain = { quantities: [strike, { ...general, cues: { ...general.cues, exclude: [] } }] };
    expect(link('About 300 North Korean soldiers were killed.', 'About 300', plain)).toBeUndefined();
  });

  it('an exclude word rules a quantity out', () => {
    // "killed" excludes `deployed` and `generals`; nothing else fits, so no link.
    expect(link('Three North Korean generals were sent and killed.', 'Three')).toBeUndefined();
  });

  it('no subject word, no link', () => {
    expect(link('About 12,000 troops were sent to the front.', 'About 12,000')).toBeUndefined();
  });

  it('an unknown noun after the figure means it counts something else', () => {
    expect(link('North Korean troops were sent 500 kilometres away.', '500')).toBeUndefined();
  });

  it('no event word near the figure, no link', () => {
    expect(link('About 12,000 North Korean troops wear Russian uniforms.', 'About 12,000')).toBeUndefined();
  });

  it('a tie between quantities gives no link (never guess)', () => {
    const twins = [
      q('a', 'troops', { unit: ['troops'], event: ['sent'] }),
      q('b', 'troops', { unit: ['troops'], event: ['sent'] }),
    ];
    expect(
      link('About 12,000 North Korean troops were sent.', 'About 12,000', { quantities: twins }),
    ).toBeUndefined();
    expect(
      link('About 12,000 North Korean troops were sent.', 'About 12,000', { quantities: twins.slice(0, 1) }),
    ).toBe('a');
  });

  it('percentages and money never link to counts; a percent quantity takes percentages', () => {
    expect(
      link('About 40 percent of North Korean troops sent were lost.', 'About 40', { unit: 'percent' }),
    ).toBeUndefined();
    expect(
      link('North Korea was paid $2 billion for the troops it sent.', '$2 billion', { unit: 'USD' }),
    ).toBeUndefined();
    expect(link('North Korea lost 40% of the force it sent.', '40%', { unit: 'percent' })).toBe('share-lost');
    expect(link('North Korea lost 40 of the force it sent.', '40')).toBeUndefined();
  });
});

describe('SentenceLinker', () => {
  it('is reused sentence after sentence (and on long sentences) with the same answers as fresh links', () => {
    const sentences: [string, string[]][] = [
      ['North Korean soldiers suffered losses: about 300 killed and 2,700 wounded.', ['about 300', '2,700']],
      ['As of November, about 12,000 North Korean troops were sent to Russia.', ['about 12,000']],
      [
        `${'Many long words here, '.repeat(30)}about 500 North Korean officers were sent, including three generals.`,
        ['about 500', 'three'],
      ],
      ['North Korea is preparing to send an additional 50,000 troops.', ['50,000']],
    ];
    const linker = new SentenceLinker(M);
    const tokens = new Tokens();
    for (let round = 0; round < 2; round++) {
      for (const [text, figures] of sentences) {
        const spans = figures.map((f) => ({ start: text.indexOf(f), end: text.indexOf(f) + f.length }));
        tokenizeInto(tokens, M.vocab, text, 0, text.length);
        linker.begin(tokens, null);
        for (const s of spans) linker.addFigure(s.start, s.end);
        spans.forEach((s, k) => {
          const others = spans.filter((o) => o !== s);
          const fresh = linkQuantity(M, text, { start: 0, end: text.length }, s, others);
          expect(linker.link(k, undefined), `${figures[k]} in ${text.slice(-40)}`).toBe(fresh);
        });
      }
    }
    // The sentences above do link (so the comparison is not only undefined === undefined).
    const t = sentences[1]?.[0] ?? '';
    expect(
      linkQuantity(
        M,
        t,
        { start: 0, end: t.length },
        { start: t.indexOf('about'), end: t.indexOf(' North') },
      ),
    ).toBe('deployed');
  });
});

describe('unitStartWords', () => {
  it('lists the first word of every unit phrase, as the tokeniser reads it', () => {
    const m = compileQuantities([
      q('a', 'troops', { unit: ['troops', 'Killed or wounded', 'Storm Shadow missiles'], event: ['sent'] }),
      q('b', 'troops', { unit: ['troops', "soldiers'"], event: ['sent'] }),
    ]);
    expect(unitStartWords(m)?.sort()).toEqual(['killed', 'soldiers', 'storm', 'troops']);
  });

  it('folds diacritics, and is null when a unit phrase begins with a word the walk cannot hash', () => {
    expect(
      unitStartWords(compileQuantities([q('a', 'x', { unit: ['éclaireurs'], event: ['sent'] })])),
    ).toEqual(['eclaireurs']);
    const m = compileQuantities([q('a', 'troops', { unit: ['병사들'], event: ['sent'] })]);
    expect(unitStartWords(m)).toBeNull();
  });
});
