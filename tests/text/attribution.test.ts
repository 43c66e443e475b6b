import { describe, expect, it } from 'vitest';
import type { Entity, PageAttributionType } from '../../lib/dataset/types';
import {
  analyseSentence,
  attributesSomething,
  classifyAttribution,
  createAttributionContext,
  hasStatementCue,
} from '../../lib/text/attribution';
import { tokenizeInto, Tokens } from '../../lib/text/words';
import type { NameMatch, PageAttribution } from '../../lib/text/types';

/** A small, hand-written entity set: enough kinds to exercise every rule. */
const ENTITIES: Entity[] = [
  person('pat-ryder', 'Pat Ryder', [{ title: 'Press Secretary', org: 'pentagon' }]),
  person('kim-yong-hyun', 'Kim Yong Hyun', [{ title: 'Minister of National Defense' }], 'kr'),
  person('lee-seong-kweun', 'Lee Seong-kweun', [{ title: 'Member of the National Assembly' }], 'kr'),
  {
    ...person('volodymyr-zelensky', 'Zelensky', [{ title: 'President of Ukraine' }], 'ua'),
    party: 'ukraine',
  },
  person('kyrylo-budanov', 'Budanov', [{ title: 'Chief', org: 'hur' }], 'ua'),
  person('seth-jones', 'Seth Jones', [{ title: 'Senior vice president', org: 'csis' }], 'us'),
  person('mia-example', 'Mia Example', [], 'us', 'A resident quoted in one report.'),
  agency('pentagon', 'Pentagon', 'Headquarters of the US Department of Defense.', 'us'),
  agency('white-house', 'White House', 'The office of the US president.', 'us'),
  agency('nis', 'NIS', "South Korea's National Intelligence Service, the country's spy agency.", 'kr'),
  agency('jcs', 'JCS', "South Korea's Joint Chiefs of Staff, the military's top command.", 'kr'),
  agency(
    'uk-defence-intelligence',
    'Defence Intelligence',
    'The UK Ministry of Defence intelligence arm.',
    'gb',
  ),
  { ...agency('hur', 'HUR', "Ukraine's military intelligence directorate.", 'ua'), party: 'ukraine' },
  org('isw', 'Institute for the Study of War', 'A Washington think tank that maps the war.'),
  org('csis', 'CSIS', 'Center for Strategic and International Studies, a research institute.'),
  outlet('kcna', 'KCNA', { stateMedia: true, party: 'north-korea' }),
  outlet('tass', 'TASS', { stateMedia: true, party: 'russia' }),
  outlet('cnn', 'CNN'),
  outlet('nyt', 'The New York Times'),
  outlet('global-defense-corp', 'Global Defense Corp.'),
  {
    id: 'seoul',
    kind: 'place',
    name: 'Seoul',
    aliases: [],
    description: 'Capital of South Korea.',
    country: 'kr',
  },
  {
    id: 'kyiv',
    kind: 'place',
    name: 'Kyiv',
    aliases: [],
    description: 'Capital of Ukraine.',
    country: 'ua',
    party: 'ukraine',
  },
  {
    id: 'kursk',
    kind: 'place',
    name: 'Kursk',
    aliases: [],
    description: 'A Russian region.',
    country: 'ru',
    party: 'russia',
  },
  { id: 'storm-shadow', kind: 'weapon', name: 'Storm Shadow', aliases: [], description: 'A cruise missile.' },
];
const BY_ID = new Map(ENTITIES.map((e) => [e.id, e]));

function person(
  id: string,
  name: string,
  roles: Entity['roles'],
  country = 'us',
  description = 'A person.',
): Entity {
  return { id, kind: 'person', name, aliases: [], description, roles, country };
}
function agency(id: string, name: string, description: string, country: string): Entity {
  return { id, kind: 'agency', name, aliases: [], description, country };
}
function org(id: string, name: string, description: string): Entity {
  return { id, kind: 'organization', name, aliases: [], description, country: 'us' };
}
function outlet(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind: 'outlet', name, aliases: [], description: 'A news outlet.', ...extra };
}

/** Names found by exact surface (every occurrence of every entity name). */
function namesIn(text: string): NameMatch[] {
  const out: NameMatch[] = [];
  for (const e of ENTITIES) {
    for (let p = text.indexOf(e.name); p >= 0; p = text.indexOf(e.name, p + 1)) {
      out.push({ text: e.name, start: p, end: p + e.name.length, entity: e.id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Classifies the figure `figure` (its first occurrence, or the `nth`) in `text`, taken as one
 * sentence, or the second of two sentences when `previous` is given.
 */
function classify(text: string, figure: string, previous?: string): PageAttribution {
  const full = previous ? `${previous} ${text}` : text;
  const offset = previous ? previous.length + 1 : 0;
  const at = full.indexOf(figure, offset);
  if (at < 0) throw new Error(`figure ${figure} not in text`);
  const prevSpan = previous ? { start: 0, end: previous.length } : undefined;
  return classifyAttribution(
    full,
    { start: offset, end: full.length },
    { start: at, end: at + figure.length },
    namesIn(full),
    BY_ID,
    prevSpan,
  );
}

function expectType(text: string, figure: string, type: PageAttributionType, cue?: string): void {
  const got = classify(text, figure);
  expect(got.type, `${text} → ${JSON.stringify(got)}`).toBe(type);
  if (cue !== undefined) expect(got.cue).toBe(cue);
  if (got.cue !== '') {
    expect(got.cueStart).toBeTypeOf('number');
    expect(text.slice(got.cueStart, got.cueEnd)).toBe(got.cue);
  }
}

describe('classifyAttribution: named-official', () => {
  it('a named official with a role and a reporting verb', () => {
    expectType(
      'Pentagon spokesman Pat Ryder told reporters that about 10,000 troops had arrived.',
      'about 10,000',
      'named-official',
      'Pat Ryder told reporters',
    );
  });
  it('the speaker after the verb, with a title in between', () => {
    expectType(
      'About 8,000 of them are in Kursk, said Deputy Press Secretary Pat Ryder.',
      'About 8,000',
      'named-official',
      'said Deputy Press Secretary Pat Ryder',
    );
  });
  it('the cue runs to the object of "told" and stops at a possessive', () => {
    expectType(
      "Defense Minister Kim Yong Hyun told the National Assembly's defense committee that 3,000 had moved.",
      '3,000',
      'named-official',
      'Kim Yong Hyun told the National Assembly',
    );
  });
  it('a quotation then its named speaker', () => {
    expectType(
      '“More than 1,000 were killed,” Pat Ryder said.',
      'More than 1,000',
      'named-official',
      'Pat Ryder said',
    );
  });
});

describe('classifyAttribution: official-statement', () => {
  it('an agency as the speaker', () => {
    expectType(
      'The Pentagon said on Monday that about 10,000 troops had been sent.',
      'about 10,000',
      'official-statement',
      'Pentagon said',
    );
  });
  it('unnamed officials stating a public position ("Western officials accuse")', () => {
    expectType(
      'Western officials accuse Pyongyang of sending 12,000 troops.',
      '12,000',
      'official-statement',
      'Western officials accuse',
    );
  });
  it('a capital as the speaker, across auxiliaries', () => {
    expectType('Seoul has previously claimed that 3,000 troops were moved.', '3,000', 'official-statement');
  });
  it('"according to" an institution', () => {
    expectType(
      'About 8,000 are in Kursk, according to the White House.',
      'About 8,000',
      'official-statement',
    );
  });
});

describe('classifyAttribution: intelligence-assessment', () => {
  it('an intelligence agency estimating', () => {
    expectType(
      'The NIS estimates that about 11,000 troops are in Russia.',
      'about 11,000',
      'intelligence-assessment',
    );
  });
  it('a lawmaker relaying a closed-door briefing', () => {
    expectType(
      'Rep. Lee Seong-kweun told reporters after a closed-door briefing by the NIS that about 3,000 troops had moved.',
      'about 3,000',
      'intelligence-assessment',
    );
  });
  it("a country's spy agency (generic noun)", () => {
    expectType(
      "South Korea's spy agency said about 1,500 had already arrived.",
      'about 1,500',
      'intelligence-assessment',
    );
  });
  it('a military command with an assessment verb (the JCS case)', () => {
    expectType(
      'The JCS assessed that about 3,000 more troops were sent.',
      'about 3,000',
      'intelligence-assessment',
    );
  });
  it('UK Defence Intelligence, despite a likelihood word', () => {
    expectType(
      'Defence Intelligence said it was highly likely that 4,000 had died.',
      '4,000',
      'intelligence-assessment',
    );
  });
});

describe('classifyAttribution: anonymous', () => {
  it('"according to informed sources"', () => {
    expectType(
      'About 500 troops were killed in the attack, according to informed sources.',
      'About 500',
      'anonymous',
      'according to informed sources',
    );
  });
  it('a condition of anonymity', () => {
    expectType(
      'A senior official, who spoke on condition of anonymity, said about 200 had died.',
      'about 200',
      'anonymous',
    );
  });
  it('citing undisclosed sources', () => {
    expectType('Citing undisclosed sources, the paper put the toll at 300.', '300', 'anonymous');
  });
  it('"Western officials said" (unnamed people, no public position)', () => {
    expectType(
      'Western officials said about 100 had been killed.',
      'about 100',
      'anonymous',
      'Western officials said',
    );
  });
});

describe('classifyAttribution: party-claim', () => {
  it('a belligerent leader, with "according to preliminary data"', () => {
    expectType(
      'Zelensky wrote on X that about 3,000 soldiers were killed or wounded, according to preliminary data.',
      'about 3,000',
      'party-claim',
      'Zelensky wrote',
    );
  });
  it("a party's ministry (generic noun after a party country)", () => {
    expectType("Russia's defence ministry said 200 Ukrainian troops were killed.", '200', 'party-claim');
  });
  it("a person whose role belongs to a party's agency", () => {
    expectType(
      'Budanov told The War Zone that 11,000 troops were in Kursk.',
      '11,000',
      'party-claim',
      'Budanov told The War Zone',
    );
  });
  it("a party's military intelligence agency", () => {
    expectType("Ukraine's military intelligence agency said 1,000 were killed.", '1,000', 'party-claim');
  });
});

describe('classifyAttribution: state-media', () => {
  it('KCNA reported', () => {
    expectType(
      'KCNA reported that 1,000 people attended the rally.',
      '1,000',
      'state-media',
      'KCNA reported',
    );
  });
  it('"state media" as a generic source', () => {
    expectType('State media said about 600 soldiers had returned.', 'about 600', 'state-media');
  });
  it('TASS quoting someone', () => {
    expectType('TASS quoted the ministry as saying 300 were killed.', '300', 'state-media', 'TASS quoted');
  });
});

describe('classifyAttribution: media-relay', () => {
  it('an outlet citing another outlet (deepest source is still media)', () => {
    expectType(
      'Ukrainian media, citing Global Defense Corp., reported that 500 troops were killed.',
      '500',
      'media-relay',
    );
  });
  it('an outlet reporting', () => {
    expectType('CNN reported that about 200 had died.', 'about 200', 'media-relay', 'CNN reported');
  });
  it('according to a newspaper', () => {
    expectType(
      'According to The New York Times, 1,000 troops were moved.',
      '1,000',
      'media-relay',
      'According to The New York Times',
    );
  });
  it('a Telegram channel', () => {
    expectType('A Telegram channel claimed 300 were killed.', '300', 'media-relay');
  });
});

describe('classifyAttribution: analysis', () => {
  it('analysts at a think tank', () => {
    expectType(
      'Analysts at the Institute for the Study of War estimate that 2,000 were killed.',
      '2,000',
      'analysis',
    );
  });
  it('a named expert whose role is at a research institute', () => {
    expectType('Seth Jones of CSIS said about 1,000 could be lost.', 'about 1,000', 'analysis');
  });
  it('"analysts say"', () => {
    expectType('Analysts say about 11,000 troops are there.', 'about 11,000', 'analysis', 'Analysts say');
  });
  it('per an estimate by researchers', () => {
    expectType('Per an estimate by researchers, 2,500 have died.', '2,500', 'analysis');
  });
});

describe('classifyAttribution: hearsay', () => {
  it('"It is said that"', () => {
    expectType('It is said that 500 generals travel with escorts.', '500', 'hearsay', 'It is said that');
  });
  it('"apparently"', () => {
    expectType(
      'More than 5,000 of them apparently have been killed or wounded.',
      'More than 5,000',
      'hearsay',
      'apparently',
    );
  });
  it('"an estimated" inside the figure', () => {
    expectType('An estimated 10,000 troops are there.', 'An estimated 10,000', 'hearsay', 'An estimated');
  });
  it('"estimates vary"', () => {
    expectType('Estimates vary between 2,000 and 4,000.', '2,000', 'hearsay', 'Estimates vary');
  });
  it('"it has been reported"', () => {
    expectType('It has been reported that 1,000 troops arrived.', '1,000', 'hearsay', 'It has been reported');
  });
});

describe('classifyAttribution: unattributed', () => {
  it('a flat assertion', () => {
    expectType('About 12,000 North Korean troops were sent to Russia.', 'About 12,000', 'unattributed', '');
  });
  it('a country as subject of an ordinary verb', () => {
    expectType(
      'Russia has stationed approximately 12,000 troops there.',
      'approximately 12,000',
      'unattributed',
    );
  });
  it('a present-tense flat assertion', () => {
    expectType(
      'More than 10,000 North Korean troops are supporting Russia.',
      'More than 10,000',
      'unattributed',
    );
  });
  it('a weapon name is not a source', () => {
    expectType('Storm Shadow missiles killed 500 soldiers.', '500', 'unattributed');
  });
});

describe('classifyAttribution: unclear (never a stronger type)', () => {
  it('a pronoun speaker', () => {
    expectType('He said about 500 had died.', 'about 500', 'unclear', 'said');
  });
  it('a named person with no known role', () => {
    expectType('Mia Example said 40 were killed.', '40', 'unclear');
  });
  it('a generic ministry with no country', () => {
    expectType('The ministry said 300 were killed.', '300', 'unclear');
  });
  it('a quotation continued from an earlier sentence, hedge inside', () => {
    expectType('About 3,000 were apparently killed.” ', 'About 3,000', 'unclear');
  });
});

describe('classifyAttribution: hard cases', () => {
  it('a hedge inside a quotation with a named speaker takes the speaker', () => {
    expectType(
      '“About 3,000 were apparently killed,” Budanov said.',
      'About 3,000',
      'party-claim',
      'Budanov said',
    );
  });
  it('two sources in one sentence: each figure takes the one in its clause', () => {
    const s =
      'Zelensky said about 4,000 were killed or wounded, while U.S. officials put the number at around 1,200.';
    expectType(s, 'about 4,000', 'party-claim', 'Zelensky said');
    expectType(s, 'around 1,200', 'anonymous', 'U.S. officials put the number');
  });
  it('an attribution in the previous sentence of the block makes a bare figure unclear', () => {
    const got = classify(
      'About 3,000 more will follow.',
      'About 3,000',
      'The NIS said on Tuesday that 1,500 had moved.',
    );
    expect(got.type).toBe('unclear');
  });
  it('a hedge in the previous sentence does not carry over', () => {
    const got = classify('About 5,000 were killed.', 'About 5,000', 'About 12,000 were apparently sent.');
    expect(got.type).toBe('unattributed');
  });
  it('a source in the same sentence beats the previous sentence', () => {
    const got = classify('CNN reported 200 more.', '200', 'The NIS said on Tuesday that 1,500 had moved.');
    expect(got.type).toBe('media-relay');
  });
  it('a whole sentence can be classified (figure null)', () => {
    const text = "Kim Yong Hyun told the National Assembly's defense committee on October 24 that it was so.";
    const got = classifyAttribution(text, { start: 0, end: text.length }, null, namesIn(text), BY_ID);
    expect(got).toMatchObject({ type: 'named-official', cue: 'Kim Yong Hyun told the National Assembly' });
  });
});

describe('rule 5 without a full analysis', () => {
  it('hasStatementCue agrees with the full analysis (attributesSomething) on every kind of cue', () => {
    const ctx = createAttributionContext(BY_ID);
    const sentences = [
      'The NIS said on Tuesday that 1,500 had moved.',
      'He said 1,500 had moved.',
      'About 12,000 were apparently sent.',
      'According to informed sources, 500 were killed.',
      'According to reports, 500 were killed.',
      'Western officials accuse Moscow of hiding losses.',
      'Officials spoke on condition of anonymity.',
      'KCNA reported the launch.',
      'Analysts at the Institute for the Study of War estimate 11,000.',
      "The Korean People's Army moved north.",
      'Seoul has claimed 3,000 died.',
      'About 3,000 more will follow.',
      'Citing Global Defense Corp., Ukrainian media put the toll at 200.',
      'It is said that 100 arrived.',
      '“About 3,000 were killed,” Budanov said.',
    ];
    let attributing = 0;
    for (const text of sentences) {
      const span = { start: 0, end: text.length };
      const t = new Tokens();
      tokenizeInto(t, ctx.vocab, text, 0, text.length);
      const full = attributesSomething(analyseSentence(ctx, text, span, t, namesIn(text)));
      expect(hasStatementCue(ctx, text, span, t, namesIn(text)), text).toBe(full);
      if (full) attributing++;
    }
    // Both answers occur, so the comparison means something.
    expect(attributing).toBeGreaterThan(3);
    expect(attributing).toBeLessThan(sentences.length - 3);
  });
});
