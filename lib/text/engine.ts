/**
 * The text engine (DESIGN §2, §6): names, figures, sentences, quantity links and attribution in
 * one scan. Everything derived from the dataset (alias index, cue lexicons, entity lookup) is built
 * once in {@link createEngine}; a scan only tokenises the sentences that hold a figure (and the
 * sentence before each, for pronoun subjects and carried-over attribution).
 */
import type { CompiledDataset, Entity } from '../dataset/types';
import { buildAliasIndex } from './alias-index';
import {
  analyseSentence,
  createAttributionContext,
  decideAttribution,
  type AttributionContext,
  type SentenceAttribution,
} from './attribution';
import { findFigures } from './figures';
import { findNames } from './names';
import {
  compileQuantities,
  linkQuantityInSentence,
  type LinkSentence,
  type QuantityMatcher,
} from './quantities';
import { splitSentences, type Span } from './sentences';
import type { Figure, NameMatch, ScanResult, ScannedFigure } from './types';
import { tokenizeWords, wordRange, type Word } from './words';

export interface Engine {
  /**
   * Scans `text` (an article; blocks separated by blank lines). Returns every name and every figure
   * found, in text order; each figure carries its attribution, and its quantity when linked.
   * Offsets index `text`. Never throws: a failing stage yields fewer results, not an error.
   */
  scan(text: string): ScanResult;
}

/** First index in `names` (sorted by start) whose start is ≥ `offset`. */
function firstNameAt(names: readonly NameMatch[], offset: number): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((names[mid] as NameMatch).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether two consecutive sentences are in the same block (no line break between them). */
function sameBlock(text: string, a: Span, b: Span): boolean {
  for (let k = a.end; k < b.start; k++) if (text.charCodeAt(k) === 10) return false;
  return true;
}

interface SentenceState {
  words: Word[];
  analysis?: SentenceAttribution;
}

/** Builds the engine for one dataset generation (alias index, lexicons, lookups: once). */
export function createEngine(dataset: CompiledDataset): Engine {
  const index = buildAliasIndex(dataset.entities);
  const entityById = new Map<string, Entity>(dataset.entities.map((e) => [e.id, e]));
  const attribution = createAttributionContext(entityById);
  const quantities = compileQuantities(dataset.quantities);
  return {
    scan(text: string): ScanResult {
      let names: NameMatch[] = [];
      try {
        names = findNames(index, text);
      } catch {
        names = [];
      }
      let figures: Figure[] = [];
      try {
        figures = findFigures(text);
      } catch {
        figures = [];
      }
      if (figures.length === 0) return { names, figures: [] };
      try {
        return { names, figures: annotate(text, figures, names, attribution, quantities) };
      } catch {
        return { names, figures: figures.map((f) => ({ ...f, attribution: { type: 'unclear', cue: '' } })) };
      }
    },
  };
}

function annotate(
  text: string,
  figures: readonly Figure[],
  names: readonly NameMatch[],
  ctx: AttributionContext,
  qm: QuantityMatcher,
): ScannedFigure[] {
  const sorted = [...figures].sort((a, b) => a.start - b.start);
  const sentences = splitSentences(text);
  const states = new Map<number, SentenceState>();
  const state = (s: number): SentenceState => {
    let st = states.get(s);
    if (!st) {
      const span = sentences[s] as Span;
      st = { words: tokenizeWords(text, span.start, span.end) };
      states.set(s, st);
    }
    return st;
  };
  const analysis = (s: number): SentenceAttribution => {
    const st = state(s);
    if (!st.analysis) {
      const span = sentences[s] as Span;
      const from = firstNameAt(names, span.start);
      let to = from;
      while (to < names.length && (names[to] as NameMatch).start < span.end) to++;
      st.analysis = analyseSentence(ctx, text, span, names.slice(from, to), st.words);
    }
    return st.analysis;
  };

  // Group figures by the sentence that contains their start.
  const groups: { sentence: number; figures: Figure[] }[] = [];
  let s = 0;
  for (const f of sorted) {
    while (s < sentences.length && (sentences[s] as Span).end <= f.start) s++;
    const inside = s < sentences.length && (sentences[s] as Span).start <= f.start;
    const last = groups[groups.length - 1];
    const key = inside ? s : -1;
    if (last && last.sentence === key && key >= 0) last.figures.push(f);
    else groups.push({ sentence: key, figures: [f] });
  }

  const out: ScannedFigure[] = [];
  for (const g of groups) {
    if (g.sentence < 0) {
      for (const f of g.figures) out.push({ ...f, attribution: { type: 'unclear', cue: '' } });
      continue;
    }
    const span = sentences[g.sentence] as Span;
    const prevIndex =
      g.sentence > 0 && sameBlock(text, sentences[g.sentence - 1] as Span, span) ? g.sentence - 1 : -1;
    const st = state(g.sentence);
    const a = analysis(g.sentence);
    const needPrevious = a.candidates.length === 0 && a.unlinked.length === 0 && a.hedges.length === 0;
    const previous = prevIndex >= 0 && needPrevious ? analysis(prevIndex) : undefined;
    const ranges = g.figures.map((f) => wordRange(st.words, f.start, Math.min(f.end, span.end)));
    const link: LinkSentence = { words: st.words, figures: ranges };
    if (prevIndex >= 0) link.previous = () => state(prevIndex).words;
    g.figures.forEach((f, k) => {
      const scanned: ScannedFigure = { ...f };
      try {
        const q = linkQuantityInSentence(qm, link, k, f);
        if (q !== undefined) scanned.quantity = q;
      } catch {
        // No link rather than no result.
      }
      try {
        scanned.attribution = decideAttribution(text, a, f, previous);
      } catch {
        scanned.attribution = { type: 'unclear', cue: '' };
      }
      out.push(scanned);
    });
  }
  return out;
}
