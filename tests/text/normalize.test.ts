import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CharClass,
  classAt,
  foldAlias,
  foldAliasCasePreserving,
  foldedToString,
  foldText,
  foldUnit,
  isWordEnd,
  isWordStart,
  NEEDS_FOLD,
  originalEnd,
  originalStart,
  wordEndInText,
  wordStartInText,
} from '../../lib/text/normalize';

const folded = (s: string) => foldedToString(foldText(s));

describe('foldText / foldAlias', () => {
  it('unifies curly and straight apostrophes and their look-alikes', () => {
    for (const s of ['People’s', 'People‘s', 'Peopleʼs', 'People′s', 'People`s', 'People´s']) {
      expect(foldAlias(s)).toBe("people's");
    }
  });

  it('treats every hyphen and dash as a space and collapses whitespace runs', () => {
    for (const s of [
      'Yong-hyun',
      'Yong‐hyun',
      'Yong‑hyun',
      'Yong–hyun',
      'Yong—hyun',
      'Yong―hyun',
      'Yong - hyun',
    ]) {
      expect(foldAlias(s)).toBe('yong hyun');
    }
    expect(folded('Kim\u00a0\u2009 Yong\n\tHyun')).toBe('kim yong hyun');
  });

  it('applies compatibility folding (full-width, ligatures) and case folding', () => {
    expect(foldAlias('ＮＩＳ')).toBe('nis');
    expect(foldAlias('ﬁnland')).toBe('finland');
    expect(foldAlias('Straße')).toBe('strasse');
    expect(foldAlias('İstanbul')).toBe('istanbul');
    expect(foldAlias('ΟΔΥΣΣΕΥΣ')).toBe(foldAlias('οδυσσευς'));
  });

  it('drops diacritics in precomposed and decomposed form', () => {
    expect(foldAlias('Zélensky')).toBe('zelensky');
    expect(foldAlias('Ze\u0301lensky')).toBe('zelensky');
    expect(foldAlias('Zelenskyy')).toBe('zelenskyy');
    expect(foldAlias('Dnipró')).toBe(foldAlias('DNIPRO'));
  });

  it('keeps Hangul syllables and kana sound marks intact', () => {
    expect(foldAlias('김영복')).toBe('김영복');
    expect(foldAlias('김영복').length).toBe(3);
    expect(foldAlias('ガザ')).toBe('ガザ');
    expect(foldAlias('が')).not.toBe(foldAlias('か'));
    expect(foldAlias('金正恩')).toBe('金正恩');
  });

  it('drops soft hyphens and joiners but reads a zero-width space as a space', () => {
    expect(folded('Kur\u00adsk')).toBe('kursk');
    expect(folded('Kursk\u200bOblast')).toBe('kursk oblast');
    expect(folded('a\u200db')).toBe('ab');
  });

  it('has a case-preserving variant that folds everything else the same way', () => {
    expect(foldAliasCasePreserving('ＮＩＳ')).toBe('NIS');
    expect(foldAliasCasePreserving('Korean People’s Army')).toBe("Korean People's Army");
    expect(foldText('NIS', true).codes[0]).toBe('N'.charCodeAt(0));
  });

  it('trims folded aliases', () => {
    expect(foldAlias('  Kursk  ')).toBe('kursk');
    expect(foldAlias(' - ')).toBe('');
  });

  it('maps folded offsets back to the original text', () => {
    const text = '  Zélensky’s  Kur\u00adsk ﬁeld';
    const f = foldText(text);
    const s = foldedToString(f);
    expect(s).toBe("zelensky's kursk field");
    const at = (word: string) => {
      const i = s.indexOf(word);
      return text.slice(originalStart(f, i), originalEnd(f, i + word.length));
    };
    expect(at('zelensky')).toBe('Zélensky');
    expect(at('kursk')).toBe('Kur\u00adsk');
    expect(at('field')).toBe('ﬁeld');
    // The end of a range never cuts a character that folded into several units.
    expect(text.slice(originalStart(f, s.indexOf('fi')), originalEnd(f, s.indexOf('fi') + 1))).toBe('ﬁ');
    // A combining accent after the range belongs to it.
    const d = foldText('Jose\u0301 x');
    expect(originalEnd(d, 4)).toBe(5);
  });

  it('keeps astral characters and lone surrogates without throwing', () => {
    expect(folded('𝐀bc 😀')).toBe('abc 😀');
    expect(folded('a\ud800b')).toBe('a\ud800b');
  });

  it('never throws and keeps a consistent offset map on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, preserveCase) => {
        const f = foldText(text, preserveCase);
        expect(f.map[f.length]).toBe(text.length);
        expect(f.sourceLength).toBe(text.length);
        for (let i = 0; i < f.length; i++) {
          expect(f.map[i]!).toBeGreaterThanOrEqual(0);
          expect(f.map[i]!).toBeLessThan(text.length);
          expect(f.map[i + 1]!).toBeGreaterThanOrEqual(f.map[i]!);
          expect(originalEnd(f, i + 1)).toBeGreaterThan(f.map[i]!);
        }
        expect(foldedToString(foldText(text, preserveCase))).toBe(foldedToString(f));
      }),
    );
  });

  it('folds an alias exactly as it folds the same characters inside text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (alias) => {
        const key = foldAlias(alias);
        if (key === '') return;
        expect(folded(`x ${alias} y`)).toContain(key);
      }),
    );
  });
});

describe('word boundaries', () => {
  const f = (s: string) => foldText(s);

  it('classifies scripts', () => {
    const t = f('a 김 金 ガ ,');
    expect(classAt(t, 0)).toBe(CharClass.Word);
    expect(classAt(t, 2)).toBe(CharClass.Hangul);
    expect(classAt(t, 4)).toBe(CharClass.Cjk);
    expect(classAt(t, 6)).toBe(CharClass.Cjk);
    expect(classAt(t, 8)).toBe(CharClass.Other);
    expect(classAt(t, 99)).toBe(CharClass.Other);
    expect(classAt(f('𝐱'), 0)).toBe(CharClass.Word);
  });

  it('starts words after non-letters only, not inside an apostrophe word', () => {
    expect(isWordStart(f('the Kursk'), 4)).toBe(true);
    expect(isWordStart(f('theKursk'), 3)).toBe(false);
    expect(isWordStart(f("O'Brien"), 2)).toBe(false);
    expect(isWordStart(f("'Brien"), 1)).toBe(true);
    expect(isWordStart(f('kursk_watch'), 6)).toBe(false);
    expect(isWordStart(f('北朝鮮の金正恩'), 4)).toBe(true);
  });

  it('ends words before non-letters and possessives, not before more letters', () => {
    expect(isWordEnd(f('Kursk is'), 5)).toBe(true);
    expect(isWordEnd(f('Kurskaya'), 5)).toBe(false);
    expect(isWordEnd(f("Kursk's"), 5)).toBe(true);
    expect(isWordEnd(f('Kursk’s front'), 5)).toBe(true);
    expect(isWordEnd(f("Koreas' border"), 6)).toBe(true);
    expect(isWordEnd(f("Shin'ichi"), 4)).toBe(false);
    expect(isWordEnd(f("Kursk'sk"), 5)).toBe(false);
  });

  it('lets a Hangul name end before a particle but not inside a longer word', () => {
    for (const s of ['김영복은', '김영복의', '김영복이', '김영복에게', '김영복.'])
      expect(isWordEnd(f(s), 3)).toBe(true);
    expect(isWordEnd(f('김영복순'), 3)).toBe(false);
    expect(isWordEnd(f('金正恩氏'), 3)).toBe(true);
  });
});

describe('folding on the fly', () => {
  it('gives the one unit foldText writes for a character, or 0 when it writes none or several', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (u) => {
        const ch = String.fromCharCode(u);
        const folded = foldText(`x${ch}x`);
        const one = u < 0xd800 || u > 0xdfff ? folded.length === 3 : false;
        expect(foldUnit(u)).toBe(one ? folded.codes[1] : 0);
      }),
      { numRuns: 5000 },
    );
    expect(foldUnit(0x41)).toBe(0x61);
    expect(foldUnit(0x2019)).toBe(0x27); // ’ → '
    expect(foldUnit(0x2013)).toBe(0x20); // – → space
    expect(foldUnit(0xe9)).toBe(0x65); // é → e
    for (const u of [0x00ad, 0x0301, 0xfb01, 0xdf, 0xd83d]) expect(foldUnit(u)).toBe(0);
  });

  // Characters that fold to one unit each, of every class, and the spaces that collapse.
  const alphabet = fc.constantFrom(..."aZ9_ '’`-–.,s김영은의北金é\n\t".split(''));

  it('decides word starts and ends on the unfolded text exactly as on the folded text', () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (text) => {
        const folded = foldText(text);
        // The unit of each character that makes one (collapsed spaces make none).
        const unitOf = new Map<number, number>();
        for (let i = 0; i < folded.length; i++) unitOf.set(folded.map[i]!, i);
        for (let p = 0; p < text.length; p++) {
          const i = unitOf.get(p);
          const unit = foldUnit(text.charCodeAt(p));
          if (i === undefined || unit === 0x20) continue;
          expect(wordStartInText(text, p, unit)).toBe(isWordStart(folded, i) ? 1 : 0);
          expect(wordEndInText(text, p + 1, unit)).toBe(isWordEnd(folded, i + 1) ? 1 : 0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('asks for the folded text when a neighbour folds to nothing or to several units', () => {
    expect(wordStartInText('a\u00adb', 2, 0x62)).toBe(NEEDS_FOLD);
    expect(wordStartInText("ﬁ'b", 2, 0x62)).toBe(NEEDS_FOLD);
    expect(wordEndInText('Kim\u0301', 3, 0x6d)).toBe(NEEDS_FOLD);
    expect(wordEndInText("Kim'\u00ads", 3, 0x6d)).toBe(NEEDS_FOLD);
    expect(wordEndInText('Kim ', 3, 0x6d)).toBe(1);
  });
});
