import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../lib/text/figures';
import type { Figure } from '../../lib/text/types';

/** The figures of `text` as [surface, low, high, qualifier, unit?] tuples. */
function scan(text: string): [string, number, number | null, string, string?][] {
  return findFigures(text).map((f) =>
    f.unit === undefined
      ? [f.text, f.value.low, f.value.high, f.qualifier]
      : [f.text, f.value.low, f.value.high, f.qualifier, f.unit],
  );
}

/** The only figure of `text`. */
function only(text: string): Figure {
  const figs = findFigures(text);
  expect(figs, JSON.stringify(figs)).toHaveLength(1);
  return figs[0] as Figure;
}

function expectFigure(
  text: string,
  surface: string,
  low: number,
  high: number | null,
  qualifier: string,
  unit?: string,
) {
  const f = only(text);
  expect(f.text).toBe(surface);
  expect(text.slice(f.start, f.end)).toBe(surface);
  expect(f.value).toEqual({ low, high });
  expect(f.qualifier).toBe(qualifier);
  expect(f.unit).toBe(unit);
}

describe('findFigures: digits', () => {
  it.each([
    ['Officials counted 12,000 soldiers.', '12,000', 12000],
    ['Officials counted 12\u00a0000 soldiers.', '12\u00a0000', 12000],
    ['Officials counted 12\u2009000 soldiers.', '12\u2009000', 12000],
    ['A total of 1,234,567 votes were cast.', '1,234,567', 1234567],
    ['The index rose 1.5 points.', '1.5', 1.5],
    ['Turnout was .08 higher.', '.08', 0.08],
    ['It weighed 4.800 tonnes.', '4.800', 4.8],
    ['He listed 22,24,26 as the options.', '22', 22],
  ])('%s', (text, surface, value) => {
    const f = findFigures(text)[0] as Figure;
    expect(f.text).toBe(surface);
    expect(f.value).toEqual({ low: value, high: value });
    expect(f.qualifier).toBe('exact');
  });

  it('keeps list items apart and reads a decimal comma only outside lists', () => {
    expect(scan('Exercises 22,24,26,31.').map((f) => f[0])).toEqual(['22', '24', '26', '31']);
    expect(scan('The ratio is 1,3 here.')).toEqual([['1,3', 1.3, 1.3, 'exact']]);
    expect(scan('1, 234, 567').map((f) => f[1])).toEqual([1, 234, 567]);
  });

  it('reads negative numbers, fractions and powers', () => {
    expectFigure('The temperature fell to -9.5 overnight.', '-9.5', -9.5, -9.5, 'exact');
    expectFigure('About 3/4 of them left.', 'About 3/4', 0.75, 0.75, 'about');
    expectFigure('It took 2 1/4 hours.', '2 1/4', 2.25, 2.25, 'exact');
    expectFigure('Roughly ½ of the vote.', 'Roughly ½', 0.5, 0.5, 'about');
    expectFigure('A value of 1.3e6 was logged.', '1.3e6', 1300000, 1300000, 'exact');
  });
});

describe('findFigures: number words', () => {
  it.each([
    ['Three soldiers died.', 'Three', 3],
    ['twenty-one were hurt', 'twenty-one', 21],
    ['one hundred and twenty were hurt', 'one hundred and twenty', 120],
    ['some two thousand fled', 'some two thousand', 2000],
    ['fifty - two arrived', 'fifty - two', 52],
    ['two hundred and two thousand people', 'two hundred and two thousand', 202000],
    ['twenty-one trillion and three hundred', 'twenty-one trillion and three hundred', 21000000000300],
    ['a dozen officers', 'a dozen', 12],
    ['two dozen officers', 'two dozen', 24],
    ['half a million people', 'half a million', 500000],
    ['three quarters of the vote', 'three quarters', 0.75],
    ['one and a half days', 'one and a half', 1.5],
    ['five and a half million people', 'five and a half million', 5500000],
    ['two hundred point five', 'two hundred point five', 200.5],
  ])('%s', (text, surface, value) => {
    const f = only(text);
    expect(f.text).toBe(surface);
    expect(f.value.low).toBeCloseTo(value, 9);
    expect(f.value.high).toBeCloseTo(value, 9);
  });

  it('splits words that do not compose', () => {
    expect(scan('three-nought-four').map((f) => f[1])).toEqual([3, 0, 4]);
    expect(scan('3 hundred and 2 hundred').map((f) => f[0])).toEqual(['3 hundred', '2 hundred']);
    expect(scan('4000 3 hundred and 21').map((f) => f[1])).toEqual([4000, 321]);
  });
});

describe('findFigures: scales and suffixes', () => {
  it.each([
    ['GDP grew by 1.5 million jobs', '1.5 million', 1.5e6, undefined],
    ['a $1.2bn package', '$1.2bn', 1.2e9, 'USD'],
    ['a 10k run', '10k', 1e4, undefined],
    ['a £500m deal', '£500m', 5e8, 'GBP'],
    ['some 3.5m people', 'some 3.5m', 3.5e6, undefined],
    ['revenue of 1,674.5 million', '1,674.5 million', 1674.5e6, undefined],
    ['a loan of 13 lakh', '13 lakh', 1.3e6, undefined],
    ['three lakh crore', 'three lakh crore', 3e12, undefined],
    ['either 10 bln', '10 bln', 1e10, undefined],
  ])('%s', (text, surface, value, unit) => {
    const f = only(text);
    expect(f.text).toBe(surface);
    expect(f.value.low).toBe(value);
    expect(f.unit).toBe(unit);
  });

  it('reads a lower-case m as metres unless money or a decimal says million', () => {
    expect(findFigures('a 10m wall')).toEqual([]);
    expect(findFigures('1m tall')).toEqual([]);
    expect(scan('I can give you 10M.')).toEqual([['10M', 1e7, 1e7, 'exact']]);
  });
});

describe('findFigures: ranges', () => {
  it.each([
    ['between 10,900 and 12,000 troops', 'between 10,900 and 12,000', 10900, 12000, undefined],
    ['10,000–12,000 troops', '10,000–12,000', 10000, 12000, undefined],
    ['10,000-12,000 troops', '10,000-12,000', 10000, 12000, undefined],
    ['10-12,000 troops', '10-12,000', 10000, 12000, undefined],
    ['from 10,000 to 12,000 troops', 'from 10,000 to 12,000', 10000, 12000, undefined],
    ['10,000 to 12,000 troops', '10,000 to 12,000', 10000, 12000, undefined],
    ['5 to 10 million people', '5 to 10 million', 5e6, 1e7, undefined],
    ['a $5-10bn fund', '$5-10bn', 5e9, 1e10, 'USD'],
    ['rates of 10-15%', '10-15%', 10, 15, 'percent'],
    ['about 20~100 apples', '20~100', 20, 100, undefined],
    ['between negative ten and fifteen', 'between negative ten and fifteen', -10, 15, undefined],
    ['more than 10 and less than 40', 'more than 10 and less than 40', 10, 40, undefined],
    ['at most 100 and at least 20', 'at most 100 and at least 20', 20, 100, undefined],
  ])('%s', (text, surface, low, high, unit) => {
    const f = only(text);
    expect(f.text).toBe(surface);
    expect(f.value).toEqual({ low, high });
    expect(f.qualifier).toBe('range');
    expect(f.unit).toBe(unit);
  });

  it('does not make ranges of scores, seasons, year spans or reversed bounds', () => {
    expect(findFigures('They won 5-3 at home.')).toEqual([]);
    expect(findFigures('the 2023-24 season')).toEqual([]);
    expect(findFigures('the 2010–2015 period')).toEqual([]);
    expect(scan('More than 40 and less than 10').map((f) => f[3])).toEqual(['more-than', 'fewer-than']);
  });
});

describe('findFigures: qualifiers', () => {
  it.each([
    ['about 500 troops', 'about 500', 'about', 500, 500],
    ['around 500 troops', 'around 500', 'about', 500, 500],
    ['approximately 500 troops', 'approximately 500', 'about', 500, 500],
    ['roughly 500 troops', 'roughly 500', 'about', 500, 500],
    ['some 500 troops', 'some 500', 'about', 500, 500],
    ['nearly 500 troops', 'nearly 500', 'about', 500, 500],
    ['almost 500 troops', 'almost 500', 'about', 500, 500],
    ['an estimated 500 troops', 'an estimated 500', 'about', 500, 500],
    ['close to 500 troops', 'close to 500', 'about', 500, 500],
    ['at least 300 troops', 'at least 300', 'at-least', 300, null],
    ['no fewer than 300 troops', 'no fewer than 300', 'at-least', 300, null],
    ['a minimum of 300 troops', 'a minimum of 300', 'at-least', 300, null],
    ['300 or more troops', '300 or more', 'at-least', 300, null],
    ['More than 5,000 troops', 'More than 5,000', 'more-than', 5000, null],
    ['over 40 troops', 'over 40', 'more-than', 40, null],
    ['in excess of 1,000 troops', 'in excess of 1,000', 'more-than', 1000, null],
    ['upwards of 1,000 troops', 'upwards of 1,000', 'more-than', 1000, null],
    ['up to 700 workers', 'up to 700', 'up-to', 0, 700],
    ['as many as 700 workers', 'as many as 700', 'up-to', 0, 700],
    ['at most 700 workers', 'at most 700', 'up-to', 0, 700],
    ['fewer than 50 workers', 'fewer than 50', 'fewer-than', 0, 50],
    ['less than 50 workers', 'less than 50', 'fewer-than', 0, 50],
    ['under 50 workers', 'under 50', 'fewer-than', 0, 50],
    ['below 50 workers', 'below 50', 'fewer-than', 0, 50],
    ['x < = 100', '< = 100', 'up-to', 0, 100],
    ['x >30', '>30', 'more-than', 30, null],
  ])('%s', (text, surface, qualifier, low, high) => {
    expectFigure(text, surface, low, high, qualifier);
  });

  it('attaches an opener only when the number follows it within its phrase', () => {
    // The scan skips openers and reads them again when a number comes: the results are the same.
    expect(scan('They sent about 300 men.')).toEqual([['about 300', 300, 300, 'about']]);
    expect(scan('more than a dozen tanks')).toEqual([['more than a dozen', 12, null, 'more-than']]);
    expect(scan('well over 5,000 troops')).toEqual([['well over 5,000', 5000, null, 'more-than']]);
    expect(scan('about $20 million')).toEqual([['about $20 million', 20e6, 20e6, 'about', 'USD']]);
    expect(scan('about ½ of them')).toEqual([['about ½', 0.5, 0.5, 'about']]);
    expect(scan('nearly −5 degrees')).toEqual([['nearly −5', -5, -5, 'about']]);
    // An ordinary word, punctuation or a blank line between them: the number stands alone.
    expect(scan('about the 300 men')).toEqual([['300', 300, 300, 'exact']]);
    expect(scan('as many as, 40 left')).toEqual([['40', 40, 40, 'exact']]);
    expect(scan('up to. 7 days')).toEqual([['7', 7, 7, 'exact']]);
    expect(scan('at least\n\n300 were hit')).toEqual([['300', 300, 300, 'exact']]);
    expect(scan('over http://x.io/5 and 6')).toEqual([['6', 6, 6, 'exact']]);
  });

  it('reads "over N years" as a duration, not a bound', () => {
    expect(scan('over 3 years')).toEqual([['3', 3, 3, 'exact']]);
    expect(scan('He is over thirty years old.')).toEqual([['over thirty', 30, null, 'more-than']]);
  });
});

describe('findFigures: vague counts', () => {
  it.each([
    ['dozens of people', 'dozens', 24, 99],
    ['hundreds of people', 'hundreds', 200, 999],
    ['thousands of people', 'thousands', 2000, 9999],
    ['millions of people', 'millions', 2e6, 1e7 - 1],
    ['tens of thousands of people', 'tens of thousands', 20000, 99999],
    ['hundreds of thousands of people', 'hundreds of thousands', 200000, 999999],
    ['several hundred people', 'several hundred', 300, 900],
    ['several thousand people', 'several thousand', 3000, 9000],
    ['a few hundred people', 'a few hundred', 200, 500],
    ['several dozen people', 'several dozen', 36, 108],
  ])('%s', (text, surface, low, high) => {
    expectFigure(text, surface, low, high, 'range');
  });

  it('does not read "several" or "a few" alone', () => {
    expect(findFigures('several people and a few others')).toEqual([]);
  });
});

describe('findFigures: percentages and money', () => {
  it.each([
    ['turnout of 40%', '40%', 40, 'percent'],
    ['turnout of 40 percent', '40 percent', 40, 'percent'],
    ['turnout of 40 per cent', '40 per cent', 40, 'percent'],
    ['turnout of twenty percent', 'twenty percent', 20, 'percent'],
    ['up 3 percentage points', '3 percentage points', 3, 'percent'],
    ['a $20 ticket', '$20', 20, 'USD'],
    ['a €3 million grant', '€3 million', 3e6, 'EUR'],
    ['₩1.5 trillion budget', '₩1.5 trillion', 1.5e12, 'KRW'],
    ['1.5 billion dollars', '1.5 billion dollars', 1.5e9, 'USD'],
    ['5 million won', '5 million won', 5e6, 'KRW'],
    ['USD 20 fee', 'USD 20', 20, 'USD'],
    ['¥300 each', '¥300', 300, 'JPY'],
    ['2 billion rubles', '2 billion rubles', 2e9, 'RUB'],
    ['₴40 bn', '₴40 bn', 4e10, 'UAH'],
  ])('%s', (text, surface, value, unit) => {
    expectFigure(text, surface, value, value, 'exact', unit);
  });
});

describe('findFigures: not figures', () => {
  it.each([
    'On November 20, nothing happened.',
    'On Nov. 20 nothing happened.',
    'On 20 November nothing happened.',
    'Posted November 28, 2024 by staff.',
    'Posted 2024-11-20 by staff.',
    'It happened in 2024.',
    'Back in 1950 it was different.',
    'We meet at 10:30 today.',
    'We meet at 3 p.m. today.',
    'We meet at 3pm today.',
    'the 11th Corps',
    'the 1,000th day of the war',
    'the 3rd battalion',
    'Call 03-1234-5678 now.',
    'Call +82 2 123 4567 now.',
    'Tokyo 100-0001',
    'Beverly Hills 90210',
    'version 1.2.3 shipped',
    'an F-16 and an Su-34 near an S-400',
    'Covid-19 cases',
    'the 180ml bottle and a 29km road',
    'the 1990s',
    'see https://example.com/a?id=30%25&n=20 now',
    'The one you mentioned, and which one do you mean? No one knows.',
    'I was a student and an intern.',
    'in the second week',
  ])('%s', (text) => {
    expect(findFigures(text)).toEqual([]);
  });

  it('keeps a bare four-digit count before a plural noun, but not after a preposition', () => {
    expect(scan('Officials said 2000 troops left.')).toEqual([['2000', 2000, 2000, 'exact']]);
    expect(findFigures('In 2000 troops left.')).toEqual([]);
    expect(scan('about 2000')).toEqual([['about 2000', 2000, 2000, 'about']]);
  });

  it('reads "one" as a number except as a pronoun', () => {
    expect(scan('one of three generals')).toEqual([['three', 3, 3, 'exact']]);
    expect(scan("Let's try one last time")).toEqual([['one', 1, 1, 'exact']]);
    expect(scan('One soldier died.')).toEqual([['One', 1, 1, 'exact']]);
    expect(scan('ONE of them left, One by one, one another')).toEqual([['one', 1, 1, 'exact']]);
  });
});

describe('findFigures: the seed page', () => {
  const expected = JSON.parse(
    readFileSync(
      path.resolve(
        path.dirname(fileURLToPath(import.meta.url)),
        '../../../shared/fixtures/pages/seed-nk-troops-kursk.expected.json',
      ),
      'utf8',
    ),
  ) as {
    figures: { text: string; value: { low: number; high: number | null }; qualifier: string }[];
    notFigures: string[];
  };

  // Our own sentences around each expected surface, in the page's order.
  const contexts = [
    'Strike kills 500 soldiers, including a general',
    'Sources say about 500 soldiers were killed.',
    'Losses in the raid came to about 2,000, they said.',
    'A further 50,000 troops may follow.',
    'It is said that about 12,000 soldiers were deployed.',
    'More than 5,000 have apparently been hurt.',
    'Another 50,000 may be sent soon.',
    'They include about 500 officers.',
    'The officers include three generals.',
  ];

  it('finds every expected figure with its value and qualifier', () => {
    expect(contexts).toHaveLength(expected.figures.length);
    expected.figures.forEach((want, i) => {
      const f = only(contexts[i] as string);
      expect(f.text).toBe(want.text);
      expect(f.value).toEqual(want.value);
      expect(f.qualifier).toBe(want.qualifier);
    });
  });

  it('marks none of the listed non-figures', () => {
    const text =
      'Filed November 28, 2024. The strike on November 20 was confirmed on October 24 by a former 11th Corps ' +
      'commander. Call 03-1234-5678 or write to Tokyo 100-0001 or 90210. © 2024 Example News.';
    const figs = findFigures(text);
    for (const nf of expected.notFigures) {
      for (const f of figs)
        expect(f.text.includes(nf) || nf.includes(f.text), `${nf} vs ${f.text}`).toBe(false);
    }
    expect(figs).toEqual([]);
  });

  it('reads the seed page text without marking its furniture', () => {
    const html = readFileSync(
      path.resolve(
        path.dirname(fileURLToPath(import.meta.url)),
        '../../../shared/fixtures/pages/seed-nk-troops-kursk.html',
      ),
      'utf8',
    );
    const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
    const surfaces = findFigures(text).map((f) => f.text);
    for (const want of expected.figures) expect(surfaces).toContain(want.text);
    for (const nf of expected.notFigures) expect(surfaces).not.toContain(nf);
  });
});

describe('findFigures: robustness', () => {
  it('returns nothing for empty or non-numeric text', () => {
    expect(findFigures('')).toEqual([]);
    expect(findFigures('The quick brown fox jumps over the lazy dog.')).toEqual([]);
  });

  it('handles text ending mid-figure', () => {
    expect(scan('between 10 and')).toEqual([['10', 10, 10, 'exact']]);
    expect(scan('more than')).toEqual([]);
    expect(scan('$')).toEqual([]);
    expect(scan('12,')).toEqual([['12', 12, 12, 'exact']]);
  });
});
