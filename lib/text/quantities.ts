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
 * 4. Exclude. None of the quantity's exclude words in the figure's own segment of the sentence:
 *    the stretch to each neighbouring figure is split at its last conjunction or punctuation
 *    ("300 soldiers were killed | and 2,700 wounded"), or shared when it has none.
 * 5. Score: unit right after 4 / elsewhere 2 / later in the clause 1, subject here 2 / before 1, the nearest event 3, plus
 *    one per other event word of the quantity in the sentence. Best unique score wins; a tie → none,
 *    unless one tied quantity excludes an event word of each other one (`nk-killed` excludes
 *    "Storm Shadow": without it, the strike's deaths are not meant and the general quantity wins).
 *
 * Percentages and money link only to quantities whose unit says `percent` or that currency code.
 *
 * Speed: the cues are compiled once per dataset into word-id tries; a sentence's tokens are read
 * from a {@link Tokens} buffer, the per-sentence work (cue hits, figure boundaries) is done once for
 * all its figures, and per-quantity sets are typed arrays stamped with a generation number, so
 * linking allocates nothing once the buffers are warm.
 */
import type { Quantity } from '../dataset/types';
import { PhraseTrie } from './phrase-trie';
import type { Figure } from './types';
import {
  KIND_PUNCT,
  KIND_WORD,
  phraseNorms,
  tokenizeInto,
  tokenRangeFrom,
  tokenRangeTo,
  Tokens,
  Vocabulary,
} from './words';

/** The quantities' cues, compiled once per dataset. */
export interface QuantityMatcher {
  quantities: readonly Quantity[];
  /** The word ids the tries and flags use; sentences must be tokenised with it. */
  vocab: Vocabulary;
  units: PhraseTrie<number>;
  events: PhraseTrie<number>;
  subjects: PhraseTrie<number>;
  excludes: PhraseTrie<number>;
  /** Per quantity: its unit, lower case, and whether it measures percent or money. */
  unitLower: string[];
  moneyOrPercent: Uint8Array;
  /** Per quantity: 1 when it has event cues / subject cues. */
  hasEvent: Uint8Array;
  hasSubject: Uint8Array;
  /** FLAG_* bits by word id (ids interned after compilation have none). */
  flags: Uint8Array;
  /** Id of "of" ("5,000 of them"). */
  of: number;
  /** START_* bits by word id: which cue sets have a phrase starting with that word. */
  startMask: Uint8Array;
  /**
   * `carves[a * quantities.length + b]` is 1 when an exclude cue of quantity `a` is an event cue of
   * `b`: `b` is a special case carved out of `a` ("Storm Shadow" for `nk-killed` and the strike's
   * deaths), so without that cue in the sentence `a` wins a tie with `b`.
   */
  carves: Uint8Array;
}

const MAX_UNIT_GAP = 4;
const FOLLOW_WORDS = [
  'of', 'in', 'on', 'at', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'and', 'or', 'by', 'during',
  'since', 'as', 'so', 'to', 'from', 'this', 'that', 'last', 'according', 'each', 'apiece', 'total',
  'altogether', 'combined', 'overall', 'now', 'then', 'reportedly', 'apparently',
]; // prettier-ignore
const PRONOUN_OF = ['them', 'whom', 'those', 'these'];
/** Words that split the stretch between two figures ("300 killed and 2,700 wounded"). */
const SPLIT_WORDS = ['and', 'or', 'but', 'while', 'whereas'];
const FLAG_FOLLOW = 1;
const FLAG_PRONOUN_OF = 2;
const FLAG_SPLIT = 4;
const START_SUBJECT = 1;
const START_EVENT = 2;
const START_UNIT = 4;
const START_EXCLUDE = 8;

/**
 * Compiles the cues of `quantities` (plain word sequences; matched case-folded), interning their
 * words into `vocab` (share it with the attribution context so one tokenisation serves both).
 */
export function compileQuantities(
  quantities: readonly Quantity[],
  vocab: Vocabulary = new Vocabulary(),
): QuantityMatcher {
  const units = new PhraseTrie<number>(vocab);
  const events = new PhraseTrie<number>(vocab);
  const subjects = new PhraseTrie<number>(vocab);
  const excludes = new PhraseTrie<number>(vocab);
  quantities.forEach((q, k) => {
    for (const p of q.cues.unit) units.add(p, k);
    for (const p of q.cues.event) events.add(p, k);
    for (const p of q.cues.subject) subjects.add(p, k);
    for (const p of q.cues.exclude) excludes.add(p, k);
  });
  for (const w of [...FOLLOW_WORDS, ...PRONOUN_OF, ...SPLIT_WORDS]) vocab.intern(w);
  const flags = new Uint8Array(vocab.size);
  const mark = (words: readonly string[], flag: number): void => {
    for (const w of words) {
      const id = vocab.intern(w);
      flags[id] = (flags[id] as number) | flag;
    }
  };
  mark(FOLLOW_WORDS, FLAG_FOLLOW);
  mark(PRONOUN_OF, FLAG_PRONOUN_OF);
  mark(SPLIT_WORDS, FLAG_SPLIT);
  const startMask = new Uint8Array(vocab.size);
  for (let id = 1; id < vocab.size; id++) {
    startMask[id] =
      (subjects.step(0, id) !== 0 ? START_SUBJECT : 0) |
      (events.step(0, id) !== 0 ? START_EVENT : 0) |
      (units.step(0, id) !== 0 ? START_UNIT : 0) |
      (excludes.step(0, id) !== 0 ? START_EXCLUDE : 0);
  }
  return {
    quantities,
    vocab,
    units,
    events,
    subjects,
    excludes,
    unitLower: quantities.map((q) => q.unit.toLowerCase()),
    moneyOrPercent: Uint8Array.from(quantities, (q) => (isMoneyOrPercent(q.unit) ? 1 : 0)),
    hasEvent: Uint8Array.from(quantities, (q) => (q.cues.event.length > 0 ? 1 : 0)),
    hasSubject: Uint8Array.from(quantities, (q) => (q.cues.subject.length > 0 ? 1 : 0)),
    flags,
    of: vocab.intern('of'),
    startMask,
    carves: carveMatrix(quantities),
  };
}

/**
 * The words the matcher's unit phrases begin with (word tokeniser norms), or null when one is
 * not made of ASCII letters and digits. A figure links only through such a word in its sentence
 * or the one before: the engine spots them on its walk over the text (word-walk.ts).
 */
export function unitStartWords(m: QuantityMatcher): string[] | null {
  const words: string[] = [];
  for (let id = 1; id < m.startMask.length; id++) {
    if (((m.startMask[id] as number) & START_UNIT) === 0) continue;
    const norm = m.vocab.norm(id);
    if (!/^[a-z0-9]+$/.test(norm)) return null;
    words.push(norm);
  }
  return words;
}

/** See {@link QuantityMatcher.carves}; phrases compare by their normalised words. */
function carveMatrix(quantities: readonly Quantity[]): Uint8Array {
  const q = quantities.length;
  const out = new Uint8Array(q * q);
  const key = (p: string): string => phraseNorms(p).join(' ');
  const events = quantities.map((x) => new Set(x.cues.event.map(key)));
  quantities.forEach((a, i) => {
    const excludes = a.cues.exclude.map(key);
    events.forEach((ev, j) => {
      if (i !== j && excludes.some((e) => ev.has(e))) out[i * q + j] = 1;
    });
  });
  return out;
}

function isMoneyOrPercent(unit: string): boolean {
  return unit === 'percent' || /^[A-Z]{3}$/.test(unit);
}

function hasFlag(m: QuantityMatcher, id: number, flag: number): boolean {
  return id < m.flags.length && ((m.flags[id] as number) & flag) !== 0;
}

/** Phrase occurrences: token ranges `[i, j)` and the trie node (its values are the quantities). */
class HitList {
  n = 0;
  i: Int32Array = new Int32Array(16);
  j: Int32Array = new Int32Array(16);
  node: Int32Array = new Int32Array(16);

  push(i: number, j: number, node: number): void {
    if (this.n === this.i.length) {
      this.i = grow(this.i);
      this.j = grow(this.j);
      this.node = grow(this.node);
    }
    this.i[this.n] = i;
    this.j[this.n] = j;
    this.node[this.n] = node;
    this.n++;
  }
}

function grow(a: Int32Array, min = 0): Int32Array {
  const b = new Int32Array(Math.max(a.length * 2, min));
  b.set(a);
  return b;
}

/**
 * Longest-match hits of `trie` over tokens `[from, to)` into `out` (replacing its content).
 * `stop[i]` (when given) is the first figure token at or after `i`: phrases never run into a figure.
 */
function scanInto(
  trie: PhraseTrie<number>,
  t: Tokens,
  from: number,
  to: number,
  stop: Int32Array | null,
  out: HitList,
): void {
  out.n = 0;
  for (let i = from; i < to;) {
    const limit = stop ? Math.min(to, stop[i] as number) : to;
    if (limit <= i) {
      i++;
      continue;
    }
    const node = trie.longestAt(t, i, limit);
    if (node !== 0) {
      const len = trie.length(node);
      out.push(i, i + len, node);
      i += len;
    } else i++;
  }
}

/** Every phrase of `trie` (not only the longest) starting at token `i` and ending by `limit`, into `out`. */
function allAt(trie: PhraseTrie<number>, t: Tokens, i: number, limit: number, out: HitList): void {
  if (t.kind[i] === KIND_PUNCT) return;
  let node = trie.step(0, t.id[i] as number);
  for (let k = i + 1; node !== 0; k++) {
    if (trie.isPhrase(node)) out.push(i, k, node);
    if (k >= limit) break;
    node = trie.step(node, t.id[k] as number);
  }
}

/** The first punctuation token at or after `from` (or `to`). */
function clauseEnd(t: Tokens, from: number, to: number): number {
  for (let k = from; k < to; k++) if (t.kind[k] === KIND_PUNCT) return k;
  return to;
}

/** Where a linker gets the previous sentence of the same block from, only when it needs it. */
export interface PreviousTokens {
  /** The previous sentence's tokens (same vocabulary), or undefined when there is none. */
  previousTokens(): Tokens | undefined;
}

const PREPARED_NONE = 0;
const PREPARED_UNITS = 1;
const PREPARED_ALL = 2;

const PREVIOUS_UNKNOWN = 0;
const PREVIOUS_NONE = 1;
const PREVIOUS_READ = 2;

/**
 * Links the figures of one sentence at a time; reusable across sentences and scans (its buffers
 * grow once, then nothing is allocated). Use: {@link SentenceLinker.begin}, then
 * {@link SentenceLinker.addFigure} for each figure in text order, then {@link SentenceLinker.link}
 * for any of them. Not reentrant: one sentence at a time.
 */
export class SentenceLinker {
  private tokens = new Tokens();
  private previous: PreviousTokens | null = null;
  private prevTokens: Tokens | undefined;
  private prevState = PREVIOUS_UNKNOWN;
  /** How much of the per-sentence work is done (PREPARED_*). */
  private prepared = PREPARED_NONE;
  private figCount = 0;
  private figFrom: Int32Array = new Int32Array(8);
  private figTo: Int32Array = new Int32Array(8);
  private skip = new Uint8Array(64);
  private stop = new Int32Array(65);
  private readonly events = new HitList();
  private readonly units = new HitList();
  private readonly excludes = new HitList();
  private readonly scratch = new HitList();
  /** Per quantity, stamped with `sentenceEpoch`: a subject here / in the previous sentence. */
  private readonly subjectHere: Int32Array;
  private readonly subjectBefore: Int32Array;
  /** Per quantity, stamped with `figureEpoch`: unit score, event count, owner, excluded. */
  private readonly unitStamp: Int32Array;
  private readonly unitScore: Int8Array;
  private readonly countStamp: Int32Array;
  private readonly eventCount: Int32Array;
  private readonly owner: Int32Array;
  private readonly excluded: Int32Array;
  /** The quantities with a unit score for the current figure, in the order they got one. */
  private readonly candidates: Int32Array;
  /** Per candidate (same index): its score, or -1 when ruled out. */
  private readonly candidateScore: Int32Array;
  private candidateCount = 0;
  private sentenceEpoch = 0;
  private figureEpoch = 0;
  /** The current figure's unit (lower case) for the unit filter; undefined for counts. */
  private figUnit: string | undefined;

  constructor(private readonly m: QuantityMatcher) {
    const q = m.quantities.length;
    this.subjectHere = new Int32Array(q);
    this.subjectBefore = new Int32Array(q);
    this.unitStamp = new Int32Array(q);
    this.unitScore = new Int8Array(q);
    this.countStamp = new Int32Array(q);
    this.eventCount = new Int32Array(q);
    this.owner = new Int32Array(q);
    this.excluded = new Int32Array(q);
    this.candidates = new Int32Array(q);
    this.candidateScore = new Int32Array(q);
  }

  /**
   * Starts a sentence: `tokens` are its tokens (tokenised with the matcher's vocabulary; read until
   * the next `begin`), `previous` gives the previous sentence of the same block (null: none).
   */
  begin(tokens: Tokens, previous: PreviousTokens | null): void {
    this.tokens = tokens;
    this.previous = previous;
    this.prevTokens = undefined;
    this.prevState = PREVIOUS_UNKNOWN;
    this.prepared = PREPARED_NONE;
    this.figCount = 0;
    if (++this.sentenceEpoch >= 0x3fffffff) {
      this.sentenceEpoch = 1;
      this.subjectHere.fill(0);
      this.subjectBefore.fill(0);
    }
  }

  /** Adds the sentence's next figure (text order) by its char span; returns its index. */
  addFigure(start: number, end: number): number {
    const k = this.figCount;
    if (k === this.figFrom.length) {
      this.figFrom = grow(this.figFrom);
      this.figTo = grow(this.figTo);
    }
    const from = tokenRangeFrom(this.tokens, start);
    this.figFrom[k] = from;
    this.figTo[k] = tokenRangeTo(this.tokens, from, end);
    this.figCount = k + 1;
    this.prepared = PREPARED_NONE;
    return k;
  }

  /**
   * Per-sentence work shared by all figures, part 1: figure boundaries and unit phrases (enough to
   * rule out most figures: no unit, no link).
   */
  private prepareUnits(): void {
    const { m, tokens: t } = this;
    const n = t.n;
    if (this.skip.length < n) {
      this.skip = new Uint8Array(n * 2);
      this.stop = new Int32Array(n * 2 + 1);
    }
    const { skip, stop } = this;
    // One pass in segments (figures are added in text order): up to a figure, `stop` is its first
    // token; inside it, the token itself.
    let k = 0;
    for (let f = 0; f < this.figCount; f++) {
      const a = Math.min(this.figFrom[f] as number, n);
      const b = Math.min(this.figTo[f] as number, n);
      if (b <= a) continue; // a figure no token starts in ("½") stops nothing
      for (; k < a; k++) {
        skip[k] = 0;
        stop[k] = a;
      }
      for (; k < b; k++) {
        skip[k] = 1;
        stop[k] = k;
      }
    }
    for (; k < n; k++) {
      skip[k] = 0;
      stop[k] = n;
    }
    stop[n] = n;
    this.units.n = 0;
    const units = m.units;
    const ids = t.id;
    const starts = m.startMask;
    let next = 0;
    for (let i = 0; i < n; i++) {
      if (skip[i] || i < next || t.kind[i] === KIND_PUNCT) continue;
      const id = ids[i] as number;
      if (id >= starts.length || ((starts[id] as number) & START_UNIT) === 0) continue;
      const node = units.longestAt(t, i, stop[i] as number);
      if (node !== 0) {
        next = i + units.length(node);
        this.units.push(i, next, node);
      }
    }
    this.prepared = PREPARED_UNITS;
  }

  /** Per-sentence work, part 2 (for figures that have a possible unit): subjects, events, exclusions. */
  private prepareCues(): void {
    const { m, tokens: t, skip, stop } = this;
    const n = t.n;
    // One pass for the three cue sets. Each greedy (longest-match, non-overlapping) scan keeps its
    // own next free position; a token that starts no phrase of a set is skipped by a mask lookup.
    const { subjects, events } = m;
    const ids = t.id;
    const kinds = t.kind;
    const starts = m.startMask;
    const epoch = this.sentenceEpoch;
    this.events.n = 0;
    this.excludes.n = 0;
    let nextSubject = 0;
    let nextEvent = 0;
    for (let i = 0; i < n; i++) {
      if (skip[i] || kinds[i] === KIND_PUNCT) continue;
      const id = ids[i] as number;
      const mask =
        id < starts.length ? (starts[id] as number) & (START_SUBJECT | START_EVENT | START_EXCLUDE) : 0;
      if (mask === 0) continue;
      const limit = stop[i] as number;
      if (mask & START_SUBJECT && i >= nextSubject) {
        const node = subjects.longestAt(t, i, limit);
        if (node !== 0) {
          const qs = subjects.values(node);
          for (let x = 0; x < qs.length; x++) this.subjectHere[qs[x] as number] = epoch;
          nextSubject = i + subjects.length(node);
        }
      }
      if (mask & START_EVENT && i >= nextEvent) {
        const node = events.longestAt(t, i, limit);
        if (node !== 0) {
          nextEvent = i + events.length(node);
          this.events.push(i, nextEvent, node);
        }
      }
      if (mask & START_EXCLUDE) allAt(m.excludes, t, i, limit, this.excludes);
    }
    this.prepared = PREPARED_ALL;
  }

  /** Sets `stamps[q] = epoch` for every quantity of every hit. */
  private stampAll(trie: PhraseTrie<number>, hits: HitList, stamps: Int32Array, epoch: number): void {
    for (let h = 0; h < hits.n; h++) {
      const qs = trie.values(hits.node[h] as number);
      for (let x = 0; x < qs.length; x++) stamps[qs[x] as number] = epoch;
    }
  }

  /** Whether there is a previous sentence; reads its subjects on first use. */
  private hasPrevious(): boolean {
    if (this.prevState === PREVIOUS_UNKNOWN) {
      const pt = this.previous ? this.previous.previousTokens() : undefined;
      this.prevTokens = pt;
      this.prevState = pt ? PREVIOUS_READ : PREVIOUS_NONE;
      if (pt) {
        scanInto(this.m.subjects, pt, 0, pt.n, null, this.scratch);
        this.stampAll(this.m.subjects, this.scratch, this.subjectBefore, this.sentenceEpoch);
      }
    }
    return this.prevState === PREVIOUS_READ;
  }

  private hasUnit(q: number): boolean {
    return this.unitStamp[q] === this.figureEpoch;
  }

  /** Gives quantity `q` a unit score (when its unit fits the figure's: counts, percent, currency). */
  private setUnit(q: number, score: number): void {
    const { m, figUnit } = this;
    if (figUnit !== undefined ? m.unitLower[q] !== figUnit : m.moneyOrPercent[q] === 1) return;
    if (this.unitStamp[q] !== this.figureEpoch) {
      this.unitStamp[q] = this.figureEpoch;
      this.candidates[this.candidateCount++] = q;
    }
    this.unitScore[q] = score;
  }

  /** Gives every quantity of `node`'s phrase the score `score` (`onlyNew`: unless it has one). */
  private setUnits(node: number, score: number, onlyNew: boolean): void {
    const qs = this.m.units.values(node);
    for (let x = 0; x < qs.length; x++) {
      const q = qs[x] as number;
      if (!onlyNew || !this.hasUnit(q)) this.setUnit(q, score);
    }
  }

  /**
   * The quantity id figure `index` (see {@link SentenceLinker.addFigure}) measures, or undefined;
   * `unit` is the figure's (`percent`, a currency code, or undefined for counts). See the module
   * comment for the rules.
   */
  link(index: number, unit: string | undefined): string | undefined {
    if (index < 0 || index >= this.figCount) return undefined;
    if (this.prepared === PREPARED_NONE) this.prepareUnits();
    const { m, tokens: t, skip, stop } = this;
    const n = t.n;
    const fi = this.figFrom[index] as number;
    const fj = this.figTo[index] as number;
    // The stretch between the neighbouring figures (head nouns are looked for there) and, narrower,
    // the figure's own segment, split from its neighbours' at a conjunction or punctuation ("300
    // North Korean soldiers were killed | and 2,700 wounded"): exclude words count only there.
    const scopeFrom = index > 0 ? (this.figTo[index - 1] as number) : 0;
    const scopeTo = index + 1 < this.figCount ? (this.figFrom[index + 1] as number) : n;
    const segFrom = index > 0 ? this.splitAt(scopeFrom, fi, scopeFrom) : 0;
    const segTo = index + 1 < this.figCount ? this.splitAt(fj, scopeTo, scopeTo) : n;
    if (++this.figureEpoch >= 0x3fffffff) this.resetFigureStamps();
    const epoch = this.figureEpoch;
    this.candidateCount = 0;
    this.figUnit = unit?.toLowerCase();

    // 1. Unit.
    let right = 0;
    let rightAt = 0;
    for (let k = fj, seen = 0; k < n && seen < MAX_UNIT_GAP; k++, seen++) {
      if (t.kind[k] !== KIND_WORD || skip[k]) break;
      const node = m.units.longestAt(t, k, stop[k] as number);
      if (node !== 0) {
        right = node;
        rightAt = k;
        break;
      }
    }
    if (right !== 0) {
      this.setUnits(right, 4, false);
      // "3,000 soldiers were killed or wounded": a unit phrase later in the same clause also fits.
      const from = rightAt + m.units.length(right);
      const hits = this.scratch;
      scanInto(m.units, t, from, clauseEnd(t, from, segTo), stop, hits);
      for (let h = 0; h < hits.n; h++) this.setUnits(hits.node[h] as number, 1, true);
    } else {
      const pronounOf =
        fj + 1 < n && t.id[fj] === m.of && hasFlag(m, t.id[fj + 1] as number, FLAG_PRONOUN_OF);
      const followOk =
        fj >= n ||
        t.kind[fj] !== KIND_WORD ||
        skip[fj] === 1 ||
        hasFlag(m, t.id[fj] as number, FLAG_FOLLOW) ||
        m.events.longestAt(t, fj, n) !== 0;
      if (!followOk) return undefined;
      const units = this.units;
      for (let h = 0; h < units.n; h++) {
        if ((units.i[h] as number) >= scopeFrom && (units.j[h] as number) <= scopeTo) {
          this.setUnits(units.node[h] as number, 2, false);
        }
      }
      if (pronounOf && this.hasPrevious()) {
        const pt = this.prevTokens as Tokens;
        const hits = this.scratch;
        scanInto(m.units, pt, 0, pt.n, null, hits);
        for (let h = 0; h < hits.n; h++) this.setUnits(hits.node[h] as number, 2, true);
      }
    }
    if (this.candidateCount === 0) return undefined;
    if (this.prepared !== PREPARED_ALL) this.prepareCues();

    // 2. Event: the nearest event word of any possible quantity is the figure's event.
    const events = this.events;
    let nearest = Infinity;
    for (let h = 0; h < events.n; h++) {
      const qs = m.events.values(events.node[h] as number);
      let relevant = false;
      for (let x = 0; x < qs.length && !relevant; x++) if (this.hasUnit(qs[x] as number)) relevant = true;
      if (!relevant) continue;
      for (let x = 0; x < qs.length; x++) {
        const q = qs[x] as number;
        if (this.countStamp[q] !== epoch) {
          this.countStamp[q] = epoch;
          this.eventCount[q] = 0;
        }
        this.eventCount[q] = (this.eventCount[q] as number) + 1;
      }
      const d = eventDistance(events, h, fi, fj);
      if (d < nearest) nearest = d;
    }
    for (let h = 0; h < events.n; h++) {
      if (eventDistance(events, h, fi, fj) !== nearest) continue;
      const qs = m.events.values(events.node[h] as number);
      for (let x = 0; x < qs.length; x++) this.owner[qs[x] as number] = epoch;
    }

    // 3. Subject, 4. exclude.
    const excludes = this.excludes;
    for (let h = 0; h < excludes.n; h++) {
      if ((excludes.i[h] as number) >= segFrom && (excludes.j[h] as number) <= segTo) {
        const qs = m.excludes.values(excludes.node[h] as number);
        for (let x = 0; x < qs.length; x++) this.excluded[qs[x] as number] = epoch;
      }
    }

    // 5. Score.
    let best = -1;
    let bestScore = -1;
    let tie = false;
    const scores = this.candidateScore;
    for (let c = 0; c < this.candidateCount; c++) {
      const q = this.candidates[c] as number;
      scores[c] = -1;
      if (this.excluded[q] === epoch) continue;
      const isOwner = this.owner[q] === epoch;
      if (m.hasEvent[q] === 1 && !isOwner) continue;
      const subj =
        this.subjectHere[q] === this.sentenceEpoch
          ? 2
          : m.hasSubject[q] === 0
            ? 0
            : this.hasPrevious() && this.subjectBefore[q] === this.sentenceEpoch
              ? 1
              : -1;
      if (subj < 0) continue;
      const count = this.countStamp[q] === epoch ? (this.eventCount[q] as number) : 0;
      const score = (this.unitScore[q] as number) + subj + (isOwner ? 3 : 0) + count;
      scores[c] = score;
      if (score > bestScore) {
        best = q;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) tie = true;
    }
    if (tie) best = this.carvingWinner(bestScore);
    if (best < 0) return undefined;
    return (m.quantities[best] as Quantity).id;
  }

  /**
   * Breaks a tie at `score`: the one tied quantity that carves every other tied one out (see
   * {@link QuantityMatcher.carves}: the general quantity when none of the special cases' cues is
   * here), or -1 (no link).
   */
  private carvingWinner(score: number): number {
    const { carves } = this.m;
    const qn = this.m.quantities.length;
    const scores = this.candidateScore;
    let winner = -1;
    for (let c = 0; c < this.candidateCount; c++) {
      if (scores[c] !== score) continue;
      const a = this.candidates[c] as number;
      let all = true;
      for (let d = 0; d < this.candidateCount && all; d++) {
        if (d !== c && scores[d] === score && carves[a * qn + (this.candidates[d] as number)] !== 1)
          all = false;
      }
      if (all) {
        if (winner >= 0) return -1;
        winner = a;
      }
    }
    return winner;
  }

  /**
   * Where the stretch `[from, to)` between two figures splits between them: at its last
   * conjunction or punctuation token (which goes to the later figure); without one the stretch is
   * shared by both figures, and `shared` (the caller's end of it) is returned.
   */
  private splitAt(from: number, to: number, shared: number): number {
    const t = this.tokens;
    for (let k = to - 1; k >= from; k--) {
      if (t.kind[k] === KIND_PUNCT || hasFlag(this.m, t.id[k] as number, FLAG_SPLIT)) return k;
    }
    return shared;
  }

  private resetFigureStamps(): void {
    this.figureEpoch = 1;
    for (const a of [this.unitStamp, this.countStamp, this.owner, this.excluded]) a.fill(0);
  }
}

/** Distance in tokens from event hit `h` to the figure `[fi, fj)` (1 for an event right before it). */
function eventDistance(events: HitList, h: number, fi: number, fj: number): number {
  const j = events.j[h] as number;
  return j <= fi ? fi - j + 1 : (events.i[h] as number) - fj;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Convenience form for one figure: tokenises `sentence` (and `previous`, the previous sentence of
 * the same block) and links `figure`, taking `others` (figures of the same sentence, any order)
 * into account for two-figure sentences. Offsets index `text`. (The engine keeps a
 * {@link SentenceLinker} and its buffers instead.)
 */
export function linkQuantity(
  m: QuantityMatcher,
  text: string,
  sentence: Span,
  figure: Pick<Figure, 'start' | 'end' | 'unit'>,
  others: readonly Pick<Figure, 'start' | 'end'>[] = [],
  previous?: Span,
): string | undefined {
  const tokens = new Tokens();
  tokenizeInto(tokens, m.vocab, text, sentence.start, sentence.end);
  let prev: PreviousTokens | null = null;
  if (previous) {
    const pt = new Tokens();
    tokenizeInto(pt, m.vocab, text, previous.start, previous.end);
    prev = { previousTokens: () => pt };
  }
  const all = [figure, ...others.filter((o) => o.start !== figure.start)].sort((a, b) => a.start - b.start);
  const linker = new SentenceLinker(m);
  linker.begin(tokens, prev);
  for (const f of all) linker.addFigure(f.start, f.end);
  return linker.link(all.indexOf(figure), figure.unit);
}
