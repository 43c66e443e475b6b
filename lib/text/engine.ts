/**
 * The text engine (DESIGN §2, §6): names, figures, sentences, quantity links and attribution in
 * one scan. Everything derived from the dataset (alias index, cue tries over one word vocabulary,
 * entity lookup) is built once in {@link createEngine}. Names and figures are found on one walk
 * over the words (word-walk.ts), which also notes where unit nouns may occur. Then a scan splits
 * into sentences only the blocks (paragraphs) that hold a figure and a unit noun, and tokenises
 * only the sentences that hold a figure with a unit noun near it (and the sentence before each,
 * when its pronoun subjects or carried-over attribution matter), each once, into reused
 * typed-array buffers; attribution is worked out for the linked figures (unless asked for all).
 */
import type { CompiledDataset, Entity } from '../dataset/types';
import { buildAliasIndex, type AliasIndex } from './alias-index';
import {
  analyseSentence,
  attributesSomething,
  createAttributionContext,
  decideAttribution,
  hasStatementCue,
  needsPrevious,
  SentenceAttribution,
  type AttributionContext,
} from './attribution';
import { FIGURE_WORD_FILTER, FigureScan, findFigures, finishFigureScan } from './figures';
import { findNames } from './names';
import { isAsciiLetter, isDigit } from './tokenizer';
import {
  compileQuantities,
  SentenceLinker,
  unitStartWords,
  type PreviousTokens,
  type QuantityMatcher,
} from './quantities';
import { blockAround, SentenceBounds, SentenceFinder } from './sentences';
import type { Figure, NameMatch, PageAttribution, ScanResult, ScannedFigure } from './types';
import { walkFilter, WordSpots } from './word-walk';
import { tokenizeInto, Tokens, type Vocabulary } from './words';

export interface Engine {
  /**
   * Scans `text` (an article; blocks separated by blank lines). Returns every name and every figure
   * found, in text order; each figure carries its quantity when linked, and its attribution when
   * linked or when the engine was made with `attribute: 'all'`. Offsets index `text`. Never
   * throws: a failing stage yields fewer results, not an error.
   */
  scan(text: string): ScanResult;
}

/** How an engine is built. */
export interface EngineOptions {
  /**
   * Which figures get an attribution: `linked` (the default: the figures a page marks, the only
   * ones a reader sees; sentences whose figures link to nothing are not analysed, which is most
   * of the attribution stage's work on news text) or `all` (every figure found, for a
   * maintainer's `npm run scan` listing and for tests of the classifier).
   */
  attribute?: 'linked' | 'all';
}

/** The stage after names and figures: attribution and quantity links (see {@link createAnnotator}). */
export interface Annotator {
  /**
   * The figures of `text` (any order) with, when linked, their quantity, and their attribution
   * (see {@link EngineOptions.attribute}), in text order. `names` are the names found in `text`,
   * sorted by start. Offsets index `text`.
   */
  annotate(text: string, figures: readonly Figure[], names: readonly NameMatch[]): ScannedFigure[];
}

/** Builds the engine for one dataset generation (alias index, lexicons, lookups: once). */
export function createEngine(dataset: CompiledDataset, options: EngineOptions = {}): Engine {
  const index = buildAliasIndex(dataset.entities);
  const state = createScanState(dataset, options);
  // Where the first words of unit nouns occur: a sentence with none near it cannot link (below).
  // With every figure attributed, every figure's sentence is read anyway.
  const unitWords = options.attribute === 'all' ? null : unitStartWords(state.matcher);
  const spots = unitWords === null ? null : new WordSpots();
  const words = walkFilter(index.firstWords.slots, FIGURE_WORD_FILTER, unitWords ?? []);
  return {
    scan(text: string): ScanResult {
      let names: NameMatch[];
      let figures: Figure[];
      let spotted: WordSpots | null = spots;
      try {
        // One walk over the words for both scanners and the spots (word-walk.ts).
        const follower = new FigureScan(text);
        spots?.clear();
        names = findNames(index, text, { follower, spots, words });
        figures = finishFigureScan(follower, text);
      } catch {
        spotted = null;
        // Each scanner on its own then, so that one failing does not cost the other's results.
        names = namesAlone(index, text);
        figures = findFigures(text);
      }
      if (figures.length === 0) return { names, figures: [] };
      try {
        // The figures are this scan's own: annotated in place, not copied (see ScanState.annotate).
        return { names, figures: state.annotate(text, figures, names, true, spotted) };
      } catch {
        // Nothing is linked then: with `attribute: 'all'` every figure is still attributed (unclear).
        return { names, figures: figures.map(options.attribute === 'all' ? unclearCopy : copyFigure) };
      } finally {
        state.release();
      }
    },
  };
}

/** The names of `text`, or none when the name scanner fails (a scan never throws). */
function namesAlone(index: AliasIndex, text: string): NameMatch[] {
  try {
    return findNames(index, text);
  } catch {
    return [];
  }
}

/**
 * Builds the attribution and quantity stage for one dataset: one vocabulary for both cue sets, and
 * the buffers a scan reuses. The annotator is not reentrant (scans are synchronous).
 */
export function createAnnotator(dataset: CompiledDataset, options: EngineOptions = {}): Annotator {
  const scan = createScanState(dataset, options);
  return {
    annotate(text, figures, names) {
      try {
        return scan.annotate(text, figures, names, false, null);
      } finally {
        scan.release();
      }
    },
  };
}

/** The annotation stage's compiled lexicons and reused buffers, for {@link createEngine} and {@link createAnnotator}. */
function createScanState(dataset: CompiledDataset, options: EngineOptions): ScanState {
  const entityById = new Map<string, Entity>(dataset.entities.map((e) => [e.id, e]));
  const attribution = createAttributionContext(entityById);
  const quantities = compileQuantities(dataset.quantities, attribution.vocab);
  attribution.vocab.compact();
  return new ScanState(attribution, quantities, options.attribute === 'all');
}

/**
 * A copy of the figure's fields (an annotator's result must not share its caller's objects). Listed
 * field by field: several times faster than a spread or `Object.assign`, and every result gets the
 * same shape. tests/text/engine.test.ts checks that no field of a found figure is lost.
 */
function copyFigure(f: Figure): ScannedFigure {
  const out: ScannedFigure = {
    text: f.text,
    start: f.start,
    end: f.end,
    value: f.value,
    qualifier: f.qualifier,
  };
  if (f.unit !== undefined) out.unit = f.unit;
  return out;
}

/** A fresh copy of `f` attributed `unclear` (the fallback when annotating fails). */
function unclearCopy(f: Figure): ScannedFigure {
  const out = copyFigure(f);
  out.attribution = unclear();
  return out;
}

function unclear(): PageAttribution {
  return { type: 'unclear', cue: '' };
}

/** First index in `names[lo, hi)` (sorted by start) whose start is ≥ `offset` (`hi` if none). */
function firstNameAt(names: readonly NameMatch[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((names[mid] as NameMatch).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the word "of" may come next after `end`, the linker's test for "5,000 of them"
 * (quantities.ts), conservatively: true unless a space follows and then, past spaces and
 * punctuation, a word that is not "of" in any case (a char beyond ASCII counts as maybe "of": the
 * tokeniser may read it so after folding).
 */
function mayBeFollowedByOf(text: string, end: number): boolean {
  let p = end;
  let c = text.charCodeAt(p);
  // Not a space: the tokeniser may end the figure's last token elsewhere than the figure scanner.
  if (!(c <= 32)) return true;
  // Spaces and punctuation (more than the tokeniser skips: a superset is safe).
  while (c < 0x80 && !isAsciiLetter(c) && !isDigit(c)) c = text.charCodeAt(++p);
  if (c >= 0x80) return true;
  if ((c | 32) !== 0x6f) return false;
  c = text.charCodeAt(p + 1);
  if (c >= 0x80) return true;
  if ((c | 32) !== 0x66) return false;
  // A letter or digit would make it another word.
  c = text.charCodeAt(p + 2);
  return !isAsciiLetter(c) && !isDigit(c);
}

/** Whether the gap `[from, to)` between two sentences has no line break (same block). */
function sameBlock(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return false;
  return true;
}

/** One tokenised sentence and its attribution analysis (made on demand; both buffers reused). */
class Slot {
  sentence = -1;
  /** The sentence's offsets. */
  readonly span = { start: 0, end: 0 };
  readonly tokens = new Tokens();
  readonly analysis = new SentenceAttribution(this.tokens);
  analysed = false;
}

function byStart(a: Figure, b: Figure): number {
  return a.start - b.start;
}

function isSorted(figures: readonly Figure[]): boolean {
  for (let k = 1; k < figures.length; k++) {
    if ((figures[k] as Figure).start < (figures[k - 1] as Figure).start) return false;
  }
  return true;
}

/**
 * The per-scan state: two sentence slots (the current sentence and the one before it, so a
 * sentence is tokenised and analysed once even when it is both a figure's sentence and the next
 * one's previous sentence), and the quantity linker. It is the linker's {@link PreviousTokens}.
 */
class ScanState implements PreviousTokens {
  private readonly slots = [new Slot(), new Slot()];
  private readonly vocab: Vocabulary;
  private text = '';
  /** The sentences of the current block (sentence indices are into these). */
  private readonly sentences = new SentenceBounds();
  private readonly block = { start: 0, end: 0 };
  private names: readonly NameMatch[] = [];
  /** The previous sentence of the same block as the current one, or -1. */
  private prevIndex = -1;
  /** The current sentence (kept when the previous one is fetched). */
  private current = -1;
  /** Where the last name lookup ended (see `firstName`). */
  private nameHint = 0;
  /** Whether the figures of this scan may be annotated in place (see `annotate`). */
  private owned = false;

  private readonly linker: SentenceLinker;

  constructor(
    private readonly ctx: AttributionContext,
    /** The dataset's quantity cues (the linker's). */
    readonly matcher: QuantityMatcher,
    /** Whether figures that link to no quantity are attributed too (see {@link EngineOptions}). */
    private readonly attributeAll: boolean,
  ) {
    this.vocab = ctx.vocab;
    this.linker = new SentenceLinker(matcher);
  }

  /** Drops the references to the last scan's text and results. */
  release(): void {
    this.text = '';
    this.names = [];
    for (const s of this.slots) {
      s.sentence = -1;
      s.analysed = false;
      s.analysis.clear();
    }
  }

  /**
   * {@link Annotator.annotate}. When `owned` (the figures are the engine's own, made by this scan),
   * each figure gets its quantity and attribution in place (a copy per figure was a tenth of what
   * a scan allocates). Otherwise the result is made of copies: the caller's figures stay as given.
   * `units`, when given, holds the offsets of the words that begin unit nouns in `text`
   * (word-walk.ts): blocks and sentences without one near them are not read (their figures
   * cannot link); only with figures attributed when linked.
   */
  annotate(
    text: string,
    figures: readonly Figure[],
    names: readonly NameMatch[],
    owned: boolean,
    units: WordSpots | null,
  ): ScannedFigure[] {
    this.owned = owned;
    // The engine's own figures come from the scanner in text order; a caller's may not.
    const sorted = owned || isSorted(figures) ? figures : [...figures].sort(byStart);
    const sentences = this.sentences;
    this.text = text;
    this.names = names;
    this.nameHint = 0;
    const out: ScannedFigure[] = [];
    // Sentences are split one block (paragraph) at a time, only in blocks that hold a figure.
    const finder = new SentenceFinder(text);
    let blockEnd = -1;
    let s = 0;
    for (let g = 0; g < sorted.length;) {
      // The group of figures whose start lies in sentence `s`: [g, end).
      const first = sorted[g] as Figure;
      if (first.start >= blockEnd) {
        blockAround(text, first.start, Math.max(blockEnd, 0), this.block);
        blockEnd = this.block.end;
        // Sentences after the block's last figure are never read.
        let last = g;
        while (last + 1 < sorted.length && (sorted[last + 1] as Figure).start < blockEnd) last++;
        if (units !== null && !units.anyIn(this.block.start, blockEnd)) {
          // No unit noun in the block: none of its figures can link, and nothing more is read.
          for (; g <= last; g++) out.push(this.result(sorted[g] as Figure));
          continue;
        }
        finder.find(sentences, this.block.start, blockEnd, (sorted[last] as Figure).start);
        for (const slot of this.slots) slot.sentence = -1;
        s = 0;
      }
      const count = sentences.n;
      while (s < count && (sentences.end[s] as number) <= first.start) s++;
      if (s >= count || (sentences.start[s] as number) > first.start) {
        const scanned = this.result(first);
        if (this.attributeAll) scanned.attribution = unclear();
        out.push(scanned);
        g++;
        continue;
      }
      const sentenceEnd = sentences.end[s] as number;
      let end = g + 1;
      while (end < sorted.length && (sorted[end] as Figure).start < sentenceEnd) end++;
      // A figure links through a unit noun in its sentence, or in the one before when "of" follows
      // it ("5,000 of them"): without one there, the sentence is not even tokenised.
      if (units !== null && !this.mayLink(units, s, sorted, g, end)) {
        for (; g < end; g++) out.push(this.result(sorted[g] as Figure));
        continue;
      }
      this.annotateSentence(s, sorted, g, end, out);
      g = end;
    }
    return out;
  }

  /**
   * Whether a unit noun lies where one of `figures[from, to)` (all in sentence `s`) could link
   * through it: in sentence `s`, or in the sentence before for a figure that "of" may follow.
   */
  private mayLink(
    units: WordSpots,
    s: number,
    figures: readonly Figure[],
    from: number,
    to: number,
  ): boolean {
    const { start, end } = this.sentences;
    if (units.anyIn(start[s] as number, end[s] as number)) return true;
    if (s === 0 || !units.anyIn(start[s - 1] as number, end[s - 1] as number)) return false;
    for (let k = from; k < to; k++) if (mayBeFollowedByOf(this.text, (figures[k] as Figure).end)) return true;
    return false;
  }

  /** Annotates `figures[from, to)`, which start in sentence `s`, appending to `out`. */
  private annotateSentence(
    s: number,
    figures: readonly Figure[],
    from: number,
    to: number,
    out: ScannedFigure[],
  ): void {
    const bounds = this.sentences;
    this.current = s;
    this.prevIndex =
      s > 0 && sameBlock(this.text, bounds.end[s - 1] as number, bounds.start[s] as number) ? s - 1 : -1;
    const slot = this.slot(s);
    const span = slot.span;
    const linker = this.linker;
    linker.begin(slot.tokens, this.prevIndex >= 0 ? this : null);
    for (let k = from; k < to; k++) {
      const f = figures[k] as Figure;
      linker.addFigure(f.start, Math.min(f.end, span.end));
    }
    const first = out.length;
    let linked = false;
    for (let k = from; k < to; k++) {
      const f = figures[k] as Figure;
      const scanned = this.result(f);
      try {
        const q = linker.link(k - from, f.unit);
        if (q !== undefined) {
          scanned.quantity = q;
          linked = true;
        }
      } catch {
        // No link rather than no result.
      }
      out.push(scanned);
    }
    // The attribution analysis is the costliest step; most figures in news text link to nothing.
    if (!linked && !this.attributeAll) return;
    const a = this.analysis(slot);
    const previousAttributes =
      this.prevIndex >= 0 && needsPrevious(a) && this.attributes(this.slot(this.prevIndex));
    for (let k = first; k < out.length; k++) {
      const scanned = out[k] as ScannedFigure;
      if (scanned.quantity === undefined && !this.attributeAll) continue;
      try {
        scanned.attribution = decideAttribution(this.ctx, this.text, a, scanned, previousAttributes);
      } catch {
        scanned.attribution = unclear();
      }
    }
  }

  /** The result object for `f`: `f` itself when the figures are owned, else a copy. */
  private result(f: Figure): ScannedFigure {
    return this.owned ? f : copyFigure(f);
  }

  /** {@link PreviousTokens}: the previous sentence of the same block as the current one. */
  previousTokens(): Tokens | undefined {
    return this.prevIndex >= 0 ? this.slot(this.prevIndex).tokens : undefined;
  }

  /**
   * The slot holding sentence `s`, tokenising it when neither does. It never evicts the current
   * sentence, and keeps the one before it when possible (the next sentence's previous one).
   */
  private slot(s: number): Slot {
    const [a, b] = this.slots as [Slot, Slot];
    if (a.sentence === s) return a;
    if (b.sentence === s) return b;
    const keep = s === this.current ? s - 1 : this.current;
    const slot = a.sentence === keep ? b : a;
    const span = slot.span;
    span.start = this.sentences.start[s] as number;
    span.end = this.sentences.end[s] as number;
    tokenizeInto(slot.tokens, this.vocab, this.text, span.start, span.end);
    slot.sentence = s;
    slot.analysed = false;
    return slot;
  }

  /** Whether the sentence in `slot` attributes something (rule 5), from its analysis when it has one. */
  private attributes(slot: Slot): boolean {
    if (slot.analysed) return attributesSomething(slot.analysis);
    const from = this.firstName(slot.span.start);
    const to = this.namesEnd(slot, from);
    return hasStatementCue(this.ctx, this.text, slot.span, slot.tokens, this.names, from, to);
  }

  /** The attribution analysis of the sentence in `slot` (made once per sentence). */
  private analysis(slot: Slot): SentenceAttribution {
    if (!slot.analysed) {
      const from = this.firstName(slot.span.start);
      const to = this.namesEnd(slot, from);
      analyseSentence(this.ctx, this.text, slot.span, slot.tokens, this.names, from, to, slot.analysis);
      slot.analysed = true;
    }
    return slot.analysis;
  }

  /**
   * First index in `names` whose start is ≥ `offset`. Sentences are read in text order (and the
   * one before): the search starts from the last answer and gallops forward, or looks back.
   */
  private firstName(offset: number): number {
    const names = this.names;
    let lo = this.nameHint;
    if (lo > 0 && (names[lo - 1] as NameMatch).start >= offset) {
      lo = firstNameAt(names, offset, 0, lo);
    } else {
      let step = 1;
      let hi = lo;
      while (hi < names.length && (names[hi] as NameMatch).start < offset) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      lo = firstNameAt(names, offset, lo, Math.min(hi, names.length));
    }
    this.nameHint = lo;
    return lo;
  }

  /** End of the names starting in the sentence of `slot`, the first being `names[from]`. */
  private namesEnd(slot: Slot, from: number): number {
    const names = this.names;
    let to = from;
    while (to < names.length && (names[to] as NameMatch).start < slot.span.end) to++;
    return to;
  }
}
