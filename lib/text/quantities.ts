/**
 * Quantity linker (DESIGN §6): decides which dataset quantity a figure measures, from the
 * quantities' plain-word cues, or none. It never guesses: no fitting quantity or a tie → no link.
 *
 * For one figure in a sentence:
 * 1. Unit. The unit noun right after the figure (up to four words on, skipping "North Korean" and
 *    the like) decides which quantities are possible, along with (weaker) unit phrases later in
 *    the same clause ("3,000 soldiers were killed or wounded"). Without one, and only when the figure is
 *    followed by punctuation, a function word or an event word ("totaled about 2,000.", "300
 *    killed"), the unit nouns elsewhere in the figure's part of the sentence count (the head noun:
 *    "casualties … totaled about 2,000"), and for "5,000 of them" those of the previous sentence of
 *    the same block.
 * 2. Event. Among the possible quantities' event words in the sentence, the one nearest the figure
 *    is the figure's event; a quantity must have it ("300 killed and 2,700 wounded" → each its own).
 * 3. Subject. One of the quantity's subject words in the sentence (or the previous one).
 * 4. Exclude. None of the quantity's exclude words in the figure's part of the sentence (between
 *    the neighbouring figures).
 * 5. Score: unit right after 4 / elsewhere 2 / later in the clause 1, subject here 2 / before 1, the nearest event 3, plus
 *    one per other event word of the quantity in the sentence. Best unique score wins; a tie → none.
 *
 * Percentages and money link only to quantities whose unit says `percent` or that currency code.
 */
import type { Quantity } from '../dataset/types';
import type { Figure } from './types';
import { PhraseSet, wordRange, type Word } from './words';

/** The quantities' cues, compiled once per dataset. */
export interface QuantityMatcher {
  quantities: readonly Quantity[];
  units: PhraseSet<number>;
  events: PhraseSet<number>;
  subjects: PhraseSet<number>;
  excludes: PhraseSet<number>;
  /** Per quantity: its unit, lower case, and whether it measures percent or money. */
  unitLower: string[];
  moneyOrPercent: Uint8Array;
}

const MAX_UNIT_GAP = 4;
const FOLLOW_WORDS = new Set([
  'of', 'in', 'on', 'at', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'and', 'or', 'by', 'during',
  'since', 'as', 'so', 'to', 'from', 'this', 'that', 'last', 'according', 'each', 'apiece', 'total',
  'altogether', 'combined', 'overall', 'now', 'then', 'reportedly', 'apparently', 'according',
]); // prettier-ignore
const PRONOUN_OF = new Set(['them', 'whom', 'those', 'these']);

/** Compiles the cues of `quantities` (plain word sequences; matched case-folded). */
export function compileQuantities(quantities: readonly Quantity[]): QuantityMatcher {
  const m: QuantityMatcher = {
    quantities,
    units: new PhraseSet(),
    events: new PhraseSet(),
    subjects: new PhraseSet(),
    excludes: new PhraseSet(),
    unitLower: quantities.map((q) => q.unit.toLowerCase()),
    moneyOrPercent: Uint8Array.from(quantities, (q) => (isMoneyOrPercent(q.unit) ? 1 : 0)),
  };
  quantities.forEach((q, k) => {
    for (const p of q.cues.unit) m.units.add(p, k);
    for (const p of q.cues.event) m.events.add(p, k);
    for (const p of q.cues.subject) m.subjects.add(p, k);
    for (const p of q.cues.exclude) m.excludes.add(p, k);
  });
  return m;
}

interface Hit {
  i: number;
  j: number;
  qs: readonly number[];
}

/**
 * Longest-match hits of `set` over `words[from, to)`. `stop[i]` is the first skipped word (a
 * figure's) at or after `i`: phrases never run into a figure.
 */
function scan(
  set: PhraseSet<number>,
  words: readonly Word[],
  from: number,
  to: number,
  stop?: Int32Array,
): Hit[] {
  const out: Hit[] = [];
  for (let i = from; i < to;) {
    const limit = stop ? Math.min(to, stop[i] as number) : to;
    if (limit <= i) {
      i++;
      continue;
    }
    const m = set.longestAt(words, i, limit);
    if (m) {
      out.push({ i, j: i + m.len, qs: m.values });
      i += m.len;
    } else i++;
  }
  return out;
}

/** The first punctuation word at or after `from` (or `to`). */
function clauseEnd(words: readonly Word[], from: number, to: number): number {
  for (let k = from; k < to; k++) if ((words[k] as Word).kind === 'p') return k;
  return to;
}

function isMoneyOrPercent(unit: string): boolean {
  return unit === 'percent' || /^[A-Z]{3}$/.test(unit);
}

/** One sentence's words with its figures, prepared for linking several figures. */
export interface LinkSentence {
  words: Word[];
  /** Word ranges of every figure in the sentence, in order. */
  figures: [number, number][];
  /**
   * Words of the previous sentence of the same block (pronoun subjects), if any; a function is
   * called only when they are needed.
   */
  previous?: Word[] | (() => Word[] | undefined);
}

/** Per-sentence work shared by all its figures. */
interface Prepared {
  skip: Uint8Array;
  stop: Int32Array;
  events: Hit[];
  units: Hit[];
  /** Every exclude phrase occurrence (overlapping ones too). */
  excludes: Hit[];
  subjectHere: Set<number>;
  previous: () => { words: Word[]; subjects: Set<number> } | undefined;
}

const prepared = new WeakMap<LinkSentence, Prepared>();

function prepare(m: QuantityMatcher, s: LinkSentence): Prepared {
  const cached = prepared.get(s);
  if (cached) return cached;
  const { words } = s;
  const n = words.length;
  const skip = new Uint8Array(n);
  for (const [a, b] of s.figures) for (let k = a; k < b; k++) skip[k] = 1;
  const stop = new Int32Array(n + 1);
  stop[n] = n;
  for (let k = n - 1; k >= 0; k--) stop[k] = skip[k] ? k : (stop[k + 1] as number);
  const subjectHere = new Set<number>();
  for (const h of scan(m.subjects, words, 0, n, stop)) for (const q of h.qs) subjectHere.add(q);
  const excludes: Hit[] = [];
  for (let k = 0; k < n; k++) {
    if (skip[k]) continue;
    for (const hit of m.excludes.allAt(words, k, stop[k]))
      excludes.push({ i: k, j: k + hit.len, qs: hit.values });
  }
  let prev: { words: Word[]; subjects: Set<number> } | undefined | null = null;
  const p: Prepared = {
    skip,
    stop,
    events: scan(m.events, words, 0, n, stop),
    units: scan(m.units, words, 0, n, stop),
    excludes,
    subjectHere,
    previous: () => {
      if (prev === null) {
        const pw = typeof s.previous === 'function' ? s.previous() : s.previous;
        if (pw) {
          const subjects = new Set<number>();
          for (const h of scan(m.subjects, pw, 0, pw.length)) for (const q of h.qs) subjects.add(q);
          prev = { words: pw, subjects };
        } else prev = undefined;
      }
      return prev;
    },
  };
  prepared.set(s, p);
  return p;
}

/**
 * The quantity id the figure `figure` (one of `s.figures`, given by its index `index`) measures,
 * or undefined. See the module comment for the rules. Pass the same `s` object for every figure
 * of a sentence: the per-sentence work is done once.
 */
export function linkQuantityInSentence(
  m: QuantityMatcher,
  s: LinkSentence,
  index: number,
  figure: Pick<Figure, 'unit'>,
): string | undefined {
  const { words } = s;
  const n = words.length;
  const range = s.figures[index];
  if (!range) return undefined;
  const [fi, fj] = range;
  const p = prepare(m, s);
  const { skip, stop, events, subjectHere } = p;
  const scopeFrom = index > 0 ? (s.figures[index - 1] as [number, number])[1] : 0;
  const scopeTo = index + 1 < s.figures.length ? (s.figures[index + 1] as [number, number])[0] : n;

  // 1. Unit.
  const unitScore = new Map<number, number>();
  let right: Hit | undefined;
  for (let k = fj, seen = 0; k < n && seen < MAX_UNIT_GAP; k++, seen++) {
    const w = words[k] as Word;
    if (w.kind !== 'w' || skip[k]) break;
    const hit = m.units.longestAt(words, k, n);
    if (hit) {
      right = { i: k, j: k + hit.len, qs: hit.values };
      break;
    }
  }
  if (right) {
    for (const q of right.qs) unitScore.set(q, 4);
    // "3,000 soldiers were killed or wounded": a unit phrase later in the same clause also fits.
    for (const h of scan(m.units, words, right.j, clauseEnd(words, right.j, scopeTo), stop)) {
      for (const q of h.qs) if (!unitScore.has(q)) unitScore.set(q, 1);
    }
  } else {
    const next = words[fj];
    const pronounOf = next?.norm === 'of' && PRONOUN_OF.has(words[fj + 1]?.norm ?? '');
    const followOk =
      next === undefined ||
      next.kind !== 'w' ||
      skip[fj] === 1 ||
      FOLLOW_WORDS.has(next.norm) ||
      m.events.longestAt(words, fj, n) !== undefined;
    if (!followOk) return undefined;
    for (const h of p.units) {
      if (h.i >= scopeFrom && h.j <= scopeTo) for (const q of h.qs) unitScore.set(q, 2);
    }
    const prev = pronounOf ? p.previous() : undefined;
    if (prev) {
      for (const h of scan(m.units, prev.words, 0, prev.words.length)) {
        for (const q of h.qs) if (!unitScore.has(q)) unitScore.set(q, 2);
      }
    }
  }
  const figUnit = figure.unit?.toLowerCase();
  for (const q of [...unitScore.keys()]) {
    if (figUnit !== undefined ? m.unitLower[q] !== figUnit : m.moneyOrPercent[q] === 1) unitScore.delete(q);
  }
  if (unitScore.size === 0) return undefined;

  // 2. Event: the nearest event word of any possible quantity is the figure's event.
  let nearest = Infinity;
  const eventCount = new Map<number, number>();
  for (const h of events) {
    const relevant = h.qs.some((q) => unitScore.has(q));
    if (!relevant) continue;
    for (const q of h.qs) eventCount.set(q, (eventCount.get(q) ?? 0) + 1);
    const d = h.j <= fi ? fi - h.j + 1 : h.i - fj;
    if (d < nearest) nearest = d;
  }
  const owners = new Set<number>();
  for (const h of events) {
    const d = h.j <= fi ? fi - h.j + 1 : h.i - fj;
    if (d === nearest) for (const q of h.qs) owners.add(q);
  }

  // 3. Subject, 4. exclude.
  const excluded = new Set<number>();
  for (const h of p.excludes) if (h.i >= scopeFrom && h.j <= scopeTo) for (const q of h.qs) excluded.add(q);

  // 5. Score.
  let best = -1;
  let bestScore = -1;
  let tie = false;
  for (const [q, us] of unitScore) {
    if (excluded.has(q)) continue;
    const cues = (m.quantities[q] as Quantity).cues;
    if (cues.event.length > 0 && !owners.has(q)) continue;
    const subj = subjectHere.has(q)
      ? 2
      : cues.subject.length === 0
        ? 0
        : p.previous()?.subjects.has(q)
          ? 1
          : -1;
    if (subj < 0) continue;
    const score = us + subj + (owners.has(q) ? 3 : 0) + (eventCount.get(q) ?? 0);
    if (score > bestScore) {
      best = q;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  if (best < 0 || tie) return undefined;
  return (m.quantities[best] as Quantity).id;
}

/**
 * Convenience form for one figure: tokenises `sentence` (and `previous`, the previous sentence of
 * the same block) and links `figure`, taking `others` (figures of the same sentence, any order)
 * into account for two-figure sentences. Offsets index `text`.
 */
export function linkQuantity(
  m: QuantityMatcher,
  words: Word[],
  figure: Pick<Figure, 'start' | 'end' | 'unit'>,
  others: readonly Pick<Figure, 'start' | 'end'>[] = [],
  previous?: Word[],
): string | undefined {
  const all = [figure, ...others.filter((o) => o.start !== figure.start)].sort((a, b) => a.start - b.start);
  const ranges = all.map((f) => wordRange(words, f.start, f.end));
  const index = all.indexOf(figure);
  return linkQuantityInSentence(
    m,
    previous ? { words, figures: ranges, previous } : { words, figures: ranges },
    index,
    figure,
  );
}
