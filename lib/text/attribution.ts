/**
 * In-page attribution classifier (DESIGN §4): which of the ten attribution types the sentence
 * around a figure gives it, or `unclear`. It labels what the sentence says, never more.
 *
 * Rules, in order (for one figure):
 * 1. Sources are the dataset entities named in the sentence and generic source nouns from the
 *    lexicon ("officials", "analysts", "state media", "South Korea's spy agency"). A source counts
 *    only when a cue ties it to a statement: a reporting verb with the source as its subject
 *    ("X said", "X has accused") or right after it ("said X"), or "according to X" / "citing X".
 *    Complete anonymous phrases ("on condition of anonymity", "according to informed sources")
 *    count on their own. The tied source nearest the figure wins (same clause first); an outlet
 *    that cites a deeper non-media source yields to that source.
 * 2. A source's type: state media → `state-media`; anything of a party (its `party`, its role's
 *    organisation's party, or a party country word before a generic institution) → `party-claim`;
 *    outlet → `media-relay`; person with roles → `named-official` (`analysis` when the role is a
 *    fellow/professor/analyst; `intelligence-assessment` when the sentence relays a briefing:
 *    "closed-door briefing", "briefed by", "told lawmakers"); person without roles → `unclear`;
 *    agency → `intelligence-assessment` when it is an intelligence body (its id, name or description
 *    says intelligence/spy) or the sentence has an assessment verb (estimate, assess) or a
 *    briefing cue, else `official-statement`; think tank / institute / university → `analysis`;
 *    other organisations and capitals/countries as subjects ("Seoul has claimed") →
 *    `official-statement`.
 * 3. Unnamed officials: "Western officials said" → `anonymous` (unnamed people, the weaker reading,
 *    as in the taxonomy's WSJ/BBC case); with a public-position verb ("Western officials accuse")
 *    → `official-statement`. Unnamed lawmakers relaying a briefing → `intelligence-assessment`.
 * 4. No tied source: a reporting verb or "according to" whose source cannot be identified ("he
 *    said") → `unclear`; a figure inside a quotation → `unclear`; a hedge ("apparently",
 *    "it is said that", "an estimated") → `hearsay`.
 * 5. Otherwise, if the previous sentence of the same block was attributed to a source, the
 *    attribution may carry over ("the NIS said on Tuesday. About 3,000 more…"): we cannot tell,
 *    so `unclear`. Hedges never carry over. Else `unattributed`.
 *
 * Speed: everything per dataset (lexicon trie, word-class flags by word id, entity traits) is
 * built once in {@link createAttributionContext}; a sentence is read as a {@link Tokens} buffer of
 * word ids, and its analysis ({@link analyseSentence}) is shared by all its figures.
 */
import { ATTRIBUTION_TYPES, type Entity, type PageAttributionType } from '../dataset/types';
import { buildAttributionLexicon, type AttributionCue } from './attribution-cues';
import type { PhraseTrie } from './phrase-trie';
import type { NameMatch, PageAttribution } from './types';
import {
  KIND_PUNCT,
  KIND_WORD,
  tokenizeInto,
  tokenRangeFrom,
  tokenRangeTo,
  Tokens,
  Vocabulary,
} from './words';

export interface Span {
  start: number;
  end: number;
}

type SourceCue = AttributionCue & { kind: 'source' };

/** A possible source found in the sentence (entity mention or generic noun). */
interface Source {
  i: number;
  j: number;
  /** `officials` is resolved by the verb that ties it (anonymous or official statement). */
  type: PageAttributionType | 'officials';
  /** 3 person, 2 organisation or generic source, 1 place / country. */
  priority: number;
  place: boolean;
}

/** A source tied to a cue: a possible answer. */
interface Candidate {
  type: PageAttributionType;
  /** Token range of the whole cue (for the distance to the figure). */
  i: number;
  j: number;
  cueStart: number;
  cueEnd: number;
  via: 'speech' | 'according' | 'anonymous';
}

/** A lexicon phrase found in the sentence: token range `[i, j)`, char range `[start, end)`. */
interface CueHit {
  i: number;
  j: number;
  start: number;
  end: number;
  cue: AttributionCue;
}

/** A dataset name in the sentence: token range `[i, j)`. */
interface NameHit {
  i: number;
  j: number;
  entity: Entity;
}

/**
 * What the sentence says about attribution, independent of any one figure. It reads `tokens`
 * (the sentence's), so it is valid only while that buffer still holds the sentence. Reusable:
 * {@link analyseSentence} refills it (the engine keeps one per token buffer).
 */
export class SentenceAttribution {
  readonly candidates: Candidate[] = [];
  /** Reporting verbs / "according to" with no identifiable source. */
  readonly unlinked: CueHit[] = [];
  readonly hedges: CueHit[] = [];
  /**
   * Token indices where a new clause starts (";", ", while", ", but"), ascending; found on first
   * use (only figures with a candidate source need them).
   */
  readonly clauseBreaks: number[] = [];
  clausesFound = false;

  constructor(readonly tokens: Tokens) {}

  /** Empties the analysis (before it is refilled). */
  clear(): void {
    empty(this.candidates);
    empty(this.unlinked);
    empty(this.hedges);
    empty(this.clauseBreaks);
    this.clausesFound = false;
  }
}

/** Empties `list`. Popping a few items is cheaper than setting `length` (a runtime call in V8). */
function empty(list: unknown[]): void {
  while (list.length !== 0) list.pop();
}

/** Working lists of one analysis, kept in the context so a sentence allocates no new arrays. */
interface Scratch {
  hits: CueHit[];
  names: NameHit[];
  sources: Source[];
}

interface EntityTraits {
  party: boolean;
  intel: boolean;
  academic: boolean;
  thinkTank: boolean;
}

/** Everything the classifier builds once per dataset. */
export interface AttributionContext {
  vocab: Vocabulary;
  lexicon: PhraseTrie<AttributionCue>;
  entityById: ReadonlyMap<string, Entity>;
  traits: Map<string, EntityTraits>;
  /** Word classes (FLAG_* bits) by word id; ids interned later than the context have none. */
  flags: Uint8Array;
  /** Ids of the punctuation the rules read. */
  comma: number;
  semicolon: number;
  colon: number;
  quote: number;
  quoteOpen: number;
  quoteClose: number;
  scratch: Scratch;
}

const PARTY_COUNTRIES = new Set(['ua', 'ru', 'kp']);
const INTEL_WORDS = /\b(intelligence|spy|espionage)\b/i;
const ACADEMIC_WORDS = /\b(analyst|fellow|professor|researcher|scholar|expert|lecturer)\b/i;
const THINK_TANK_WORDS = /\b(think[- ]tank|institute|university|research|study of war|studies)\b/i;
const AUXILIARIES = [
  'has', 'have', 'had', 'also', 'previously', 'earlier', 'recently', 'later', 'then', 'already', 'separately',
  'further', 'repeatedly', 'publicly', 'again', 'first', 'would', 'will', 'did', 'does', 'do',
]; // prettier-ignore
const OBJECT_WORDS = ['reporters', 'journalists', 'lawmakers', 'legislators', 'parliament', 'congress'];
const DETERMINERS = ['the', 'a', 'an'];
/** Words that, right before a reporting verb, make its subject a pronoun. */
const PRONOUNS = ['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which'];
/** After a comma, these start a new clause. */
const CLAUSE_WORDS = ['while', 'whereas', 'but'];

const FLAG_AUXILIARY = 1;
const FLAG_OBJECT = 2;
const FLAG_DETERMINER = 4;
const FLAG_PRONOUN = 8;
const FLAG_CLAUSE = 16;

const SUBJECT_WINDOW = 8;
const INVERTED_WINDOW = 6;
const ACCORDING_WINDOW = 4;

/**
 * Builds the lexicon, word-class flags and per-entity caches once (the engine keeps one per
 * dataset). The cue words are interned into `vocab`, which the sentences must be tokenised with.
 */
export function createAttributionContext(
  entityById: ReadonlyMap<string, Entity>,
  vocab: Vocabulary = new Vocabulary(),
): AttributionContext {
  const lexicon = buildAttributionLexicon(vocab);
  const classes: [readonly string[], number][] = [
    [AUXILIARIES, FLAG_AUXILIARY],
    [OBJECT_WORDS, FLAG_OBJECT],
    [DETERMINERS, FLAG_DETERMINER],
    [PRONOUNS, FLAG_PRONOUN],
    [CLAUSE_WORDS, FLAG_CLAUSE],
  ];
  for (const [words] of classes) for (const w of words) vocab.intern(w); // before sizing `flags`
  const flags = new Uint8Array(vocab.size);
  for (const [words, flag] of classes) {
    for (const w of words) {
      const id = vocab.intern(w);
      flags[id] = (flags[id] as number) | flag;
    }
  }
  return {
    vocab,
    lexicon,
    entityById,
    traits: new Map(),
    flags,
    comma: vocab.intern(','),
    semicolon: vocab.intern(';'),
    colon: vocab.intern(':'),
    quote: vocab.intern('q'),
    quoteOpen: vocab.intern('q<'),
    quoteClose: vocab.intern('q>'),
    scratch: { hits: [], names: [], sources: [] },
  };
}

/** Whether the word with id `id` has the word-class flag `flag`. */
function hasFlag(ctx: AttributionContext, id: number, flag: number): boolean {
  return id < ctx.flags.length && ((ctx.flags[id] as number) & flag) !== 0;
}

function traitsOf(ctx: AttributionContext, e: Entity): EntityTraits {
  const cached = ctx.traits.get(e.id);
  if (cached) return cached;
  const roleOrgs = (e.roles ?? []).map((r) => (r.org ? ctx.entityById.get(r.org) : undefined));
  const party =
    Boolean(e.party) ||
    roleOrgs.some((o) => Boolean(o?.party)) ||
    (e.kind !== 'person' &&
      e.kind !== 'outlet' &&
      e.country !== undefined &&
      PARTY_COUNTRIES.has(e.country)) ||
    (e.kind === 'person' &&
      (e.roles?.length ?? 0) > 0 &&
      e.country !== undefined &&
      PARTY_COUNTRIES.has(e.country));
  const ownWords = `${e.id.replace(/-/g, ' ')} ${e.name} ${e.description}`;
  const roleTitles = (e.roles ?? []).map((r) => r.title).join(' ');
  const t: EntityTraits = {
    party,
    intel: INTEL_WORDS.test(ownWords),
    academic:
      ACADEMIC_WORDS.test(roleTitles) ||
      ((e.roles?.length ?? 0) === 0 && ACADEMIC_WORDS.test(e.description)) ||
      roleOrgs.some((o) => o !== undefined && THINK_TANK_WORDS.test(`${o.name} ${o.description}`)),
    thinkTank: e.kind === 'organization' && THINK_TANK_WORDS.test(`${e.name} ${e.description}`),
  };
  ctx.traits.set(e.id, t);
  return t;
}

/** The type a named entity gives a figure it is the source of; null when it cannot be a source. */
function entityType(
  ctx: AttributionContext,
  e: Entity,
  intelVerb: boolean,
  briefing: boolean,
): PageAttributionType | null {
  if (e.kind === 'weapon' || e.kind === 'other') return null;
  if (e.stateMedia) return 'state-media';
  const t = traitsOf(ctx, e);
  if (t.party) return 'party-claim';
  switch (e.kind) {
    case 'outlet':
      return 'media-relay';
    case 'person':
      if ((e.roles?.length ?? 0) === 0) return t.academic ? 'analysis' : 'unclear';
      if (t.academic) return 'analysis';
      return briefing ? 'intelligence-assessment' : 'named-official';
    case 'agency':
      return t.intel || intelVerb || briefing ? 'intelligence-assessment' : 'official-statement';
    case 'organization':
      if (t.thinkTank) return 'analysis';
      return t.intel ? 'intelligence-assessment' : 'official-statement';
    case 'military-unit':
      return intelVerb || briefing ? 'intelligence-assessment' : 'official-statement';
    case 'place':
      return 'official-statement';
    default:
      return null;
  }
}

function isCapitalised(text: string, t: Tokens, k: number): boolean {
  const c = text.charCodeAt(t.start[k] as number);
  return c >= 65 && c <= 90;
}

/** Where a reporting verb's phrase ends: its object ("reporters", "the National Assembly"). */
function objectEnd(ctx: AttributionContext, text: string, t: Tokens, j: number): number {
  const verbEnd = t.end[j - 1] as number;
  if (j >= t.n || t.kind[j] !== KIND_WORD) return verbEnd;
  const id = t.id[j] as number;
  if (hasFlag(ctx, id, FLAG_OBJECT)) return t.end[j] as number;
  if (!hasFlag(ctx, id, FLAG_DETERMINER))
    return isCapitalised(text, t, j) ? runEnd(text, t, j, verbEnd) : verbEnd;
  return runEnd(text, t, j + 1, verbEnd);
}

/** End of a run of capitalised words starting at `k` (stops after a possessive). */
function runEnd(text: string, t: Tokens, k: number, fallback: number): number {
  let end = fallback;
  for (let m = k; m < t.n; m++) {
    if (t.kind[m] !== KIND_WORD || !isCapitalised(text, t, m)) break;
    end = t.end[m] as number;
    if (t.poss[m] === 1) break;
  }
  return end;
}

/** A quote mark, `;` or `:`: the subject of a verb is never looked for across one. */
function isBlocker(ctx: AttributionContext, t: Tokens, k: number): boolean {
  if (t.kind[k] !== KIND_PUNCT) return false;
  const id = t.id[k];
  return (
    id === ctx.semicolon ||
    id === ctx.quote ||
    id === ctx.quoteOpen ||
    id === ctx.quoteClose ||
    id === ctx.colon
  );
}

/**
 * The lexicon phrases of the sentence, longest first, left to right; the words of `nameHits`
 * (sorted) are never read as cues ("Korean People's Army" is not "army").
 */
function findCueHits(
  ctx: AttributionContext,
  text: string,
  t: Tokens,
  nameHits: readonly NameHit[],
  hits: CueHit[],
): void {
  empty(hits);
  const n = t.n;
  let next = 0;
  for (let i = 0; i < n;) {
    const nh = nameHits[next];
    if (nh && i >= nh.i) {
      i = Math.max(i, nh.j);
      next++;
      continue;
    }
    const node = ctx.lexicon.longestAt(t, i, nh ? nh.i : n);
    if (node === 0) {
      i++;
      continue;
    }
    const len = ctx.lexicon.length(node);
    const cue = ctx.lexicon.values(node)[0] as AttributionCue;
    if (!(cue.kind === 'nationality' && cue.cased && !isCapitalised(text, t, i))) {
      hits.push({ i, j: i + len, start: t.start[i] as number, end: t.end[i + len - 1] as number, cue });
    }
    i += len;
  }
}

/** The dataset names inside `sentence` as token ranges into `out`, sorted by their first token. */
function findNameHits(
  ctx: AttributionContext,
  t: Tokens,
  sentence: Span,
  names: readonly NameMatch[],
  from: number,
  to: number,
  out: NameHit[],
): void {
  empty(out);
  for (let k = from; k < to; k++) {
    const m = names[k] as NameMatch;
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const e = ctx.entityById.get(m.entity);
    if (!e) continue;
    const i = tokenRangeFrom(t, m.start);
    const j = tokenRangeTo(t, i, m.end);
    if (j > i) insertByFirstToken(out, { i, j, entity: e });
  }
}

/**
 * Appends `item` to `list` (sorted by `i`) and moves it back past the items with a greater `i`:
 * a stable insertion. Lists are a few items long and nearly always already in order, where
 * `Array.prototype.sort` would cost more than the whole analysis.
 */
function insertByFirstToken<T extends { i: number }>(list: T[], item: T): void {
  let k = list.length;
  list.push(item);
  while (k > 0 && (list[k - 1] as T).i > item.i) {
    list[k] = list[k - 1] as T;
    k--;
  }
  list[k] = item;
}

/**
 * Whether the country words or entities right before token `i` (up to three tokens back) make a
 * generic source noun a party's (`true`), someone else's (`false`), or nobody's (undefined).
 */
function countryBefore(
  ctx: AttributionContext,
  hits: readonly CueHit[],
  nameHits: readonly NameHit[],
  i: number,
): boolean | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    for (const h of hits) {
      if (h.i <= k && k < h.j) {
        if (h.cue.kind === 'nationality') return h.cue.party;
        break;
      }
    }
    for (const nh of nameHits) {
      if (nh.i <= k && k < nh.j) {
        if (nh.entity.kind === 'place' || nh.entity.country !== undefined) {
          return traitsOf(ctx, nh.entity).party || Boolean(nh.entity.party);
        }
        break;
      }
    }
  }
  return undefined;
}

/** Every possible source of the sentence (named entities, country words, generic nouns) into `sources`, by position. */
function findSources(
  ctx: AttributionContext,
  hits: readonly CueHit[],
  nameHits: readonly NameHit[],
  intelVerb: boolean,
  briefing: boolean,
  sources: Source[],
): void {
  empty(sources);
  for (const nh of nameHits) {
    const type = entityType(ctx, nh.entity, intelVerb, briefing);
    if (type === null) continue;
    const priority = nh.entity.kind === 'person' ? 3 : nh.entity.kind === 'place' ? 1 : 2;
    insertByFirstToken(sources, { i: nh.i, j: nh.j, type, priority, place: nh.entity.kind === 'place' });
  }
  for (const h of hits) {
    if (h.cue.kind === 'nationality') {
      // "Seoul has claimed", "Kyiv says": a capital or country as the speaker.
      insertByFirstToken(sources, {
        i: h.i,
        j: h.j,
        type: h.cue.party ? 'party-claim' : 'official-statement',
        priority: 1,
        place: true,
      });
      continue;
    }
    if (h.cue.kind !== 'source') continue;
    insertByFirstToken(sources, {
      i: h.i,
      j: h.j,
      type: sourceType(h.cue, countryBefore(ctx, hits, nameHits, h.i), intelVerb, briefing),
      priority: 2,
      place: false,
    });
  }
}

/**
 * Analyses one sentence for attribution cues. `t` holds the sentence's tokens (tokenised with
 * `ctx.vocab`); `names[from, to)` are the names to consider (sorted by start; those outside the
 * sentence are ignored). Fills and returns `out` (a new analysis when not given).
 */
export function analyseSentence(
  ctx: AttributionContext,
  text: string,
  sentence: Span,
  t: Tokens,
  names: readonly NameMatch[],
  from = 0,
  to = names.length,
  out: SentenceAttribution = new SentenceAttribution(t),
): SentenceAttribution {
  out.clear();
  const { hits, names: nameHits, sources } = ctx.scratch;
  findNameHits(ctx, t, sentence, names, from, to, nameHits);
  findCueHits(ctx, text, t, nameHits, hits);
  if (hits.length > 0) {
    let briefing = false;
    let intelVerb = false;
    for (const h of hits) {
      if (h.cue.kind === 'briefing' || (h.cue.kind === 'speech' && h.cue.briefing)) briefing = true;
      if (h.cue.kind === 'speech' && h.cue.intel) intelVerb = true;
    }
    findSources(ctx, hits, nameHits, intelVerb, briefing, sources);
    for (const h of hits) {
      const c = h.cue;
      if (c.kind === 'hedge') out.hedges.push(h);
      else if (c.kind === 'anonymous') {
        out.candidates.push(candidate('anonymous', h.i, h.j, t, 'anonymous'));
      } else if (c.kind === 'speech' || c.kind === 'public') {
        const linked = linkSpeech(ctx, text, t, sources, h, c.kind === 'public');
        if (linked) out.candidates.push(linked);
        else out.unlinked.push(h);
      } else if (c.kind === 'according') {
        const src = pickAfter(ctx, t, sources, h.j, ACCORDING_WINDOW);
        if (src) {
          const type = src.type === 'officials' ? 'anonymous' : src.type;
          out.candidates.push(candidate(type, h.i, src.j, t, 'according'));
        } else out.unlinked.push(h);
      }
    }
  }
  return out;
}

/** Token indices where a new clause starts (`;`, or "while" / "whereas" / "but" after a comma), into `out`. */
function findClauseBreaks(ctx: AttributionContext, t: Tokens, out: number[]): void {
  const ids = t.id;
  const kinds = t.kind;
  for (let k = 0; k < t.n; k++) {
    const kind = kinds[k];
    if (kind === KIND_PUNCT) {
      if (ids[k] === ctx.semicolon) out.push(k);
    } else if (
      kind === KIND_WORD &&
      k > 0 &&
      ids[k - 1] === ctx.comma &&
      hasFlag(ctx, ids[k] as number, FLAG_CLAUSE)
    ) {
      out.push(k);
    }
  }
}

/** The clause index of token `k` (0 for a token past the sentence's end). */
function clauseOf(ctx: AttributionContext, a: SentenceAttribution, k: number): number {
  if (k >= a.tokens.n) return 0;
  if (!a.clausesFound) {
    findClauseBreaks(ctx, a.tokens, a.clauseBreaks);
    a.clausesFound = true;
  }
  let cl = 0;
  for (const b of a.clauseBreaks) {
    if (b > k) break;
    cl++;
  }
  return cl;
}

function sourceType(
  cue: SourceCue,
  country: boolean | undefined,
  intelVerb: boolean,
  briefing: boolean,
): Source['type'] {
  switch (cue.type) {
    case 'officials':
      return briefing ? 'intelligence-assessment' : 'officials';
    case 'lawmakers':
      return briefing ? 'intelligence-assessment' : 'anonymous';
    case 'intelligence':
      return country === true ? 'party-claim' : 'intelligence-assessment';
    case 'institution':
      if (country === true) return 'party-claim';
      if (country === false) return intelVerb || briefing ? 'intelligence-assessment' : 'official-statement';
      return 'unclear';
    default:
      return cue.type;
  }
}

function candidate(
  type: PageAttributionType,
  i: number,
  j: number,
  t: Tokens,
  via: Candidate['via'],
  cueStart = t.start[i] as number,
  cueEnd = t.end[j - 1] as number,
): Candidate {
  return { type, i, j, cueStart, cueEnd, via };
}

/** Unnamed officials are anonymous, unless the verb states a public position. */
function resolveType(s: Source, isPublic: boolean): PageAttributionType {
  return s.type === 'officials' ? (isPublic ? 'official-statement' : 'anonymous') : s.type;
}

/** The speaker right after a reporting verb ("…, said X"); never for verbs that take an object. */
function invertedSpeaker(
  ctx: AttributionContext,
  t: Tokens,
  sources: readonly Source[],
  h: CueHit,
  isPublic: boolean,
  takesObject: boolean,
): Candidate | undefined {
  if (takesObject) return undefined;
  const after = pickAfter(ctx, t, sources, h.j, INVERTED_WINDOW);
  return after ? candidate(resolveType(after, isPublic), h.i, after.j, t, 'speech') : undefined;
}

/**
 * The source a reporting verb is tied to: its subject before it, or the speaker right after it
 * ("…, said Deputy Press Secretary Pat Ryder"). Verbs that take an object ("told reporters") are
 * never inverted. After a comma ("…in Kursk, said X") the speaker after the verb is tried first.
 */
function linkSpeech(
  ctx: AttributionContext,
  text: string,
  t: Tokens,
  sources: readonly Source[],
  h: CueHit,
  isPublic: boolean,
): Candidate | undefined {
  const takesObject = h.cue.kind === 'speech' && (h.cue.object === true || h.cue.briefing === true);
  let k = h.i - 1;
  while (k >= 0 && hasFlag(ctx, t.id[k] as number, FLAG_AUXILIARY)) k--;
  if (k >= 0) {
    if (t.kind[k] === KIND_WORD && hasFlag(ctx, t.id[k] as number, FLAG_PRONOUN)) return undefined;
    if (t.kind[k] === KIND_PUNCT && t.id[k] === ctx.comma) {
      const first = invertedSpeaker(ctx, t, sources, h, isPublic, takesObject);
      if (first) return first;
    }
  }
  let best: Source | undefined;
  for (const s of sources) {
    if (s.j > h.i || s.j < h.i - SUBJECT_WINDOW) continue;
    if (s.place && (h.i - s.j > 3 || blocked(ctx, t, s.j, h.i, true))) continue;
    if (blocked(ctx, t, s.j, h.i, false)) continue;
    if (!best || s.j > best.j) best = s;
  }
  if (best) {
    // Include a country word right before the source: "Western officials", "U.S. officials".
    let startWord = best.i;
    for (const s of sources) {
      if (s.place && s.j === best.i && s !== best) {
        startWord = s.i;
        break;
      }
    }
    const end = t.end[h.j - 1] as number;
    const obj = takesObject ? objectEnd(ctx, text, t, h.j) : end;
    return candidate(
      resolveType(best, isPublic),
      startWord,
      h.j,
      t,
      'speech',
      t.start[startWord] as number,
      Math.max(end, obj),
    );
  }
  return invertedSpeaker(ctx, t, sources, h, isPublic, takesObject);
}

/** Whether a quote mark, `;` or `:` (or, with `anyPunct`, any punctuation) lies in tokens `[from, to)`. */
function blocked(ctx: AttributionContext, t: Tokens, from: number, to: number, anyPunct: boolean): boolean {
  for (let k = from; k < to; k++) {
    if (anyPunct ? t.kind[k] === KIND_PUNCT : isBlocker(ctx, t, k)) return true;
  }
  return false;
}

/** The best source starting within `window` words after `j`: highest priority, then nearest. */
function pickAfter(
  ctx: AttributionContext,
  t: Tokens,
  sources: readonly Source[],
  j: number,
  window: number,
): Source | undefined {
  let best: Source | undefined;
  for (const s of sources) {
    if (s.i < j || s.i > j + window) continue;
    if (s.place && s.i > j + 2) continue;
    if (blocked(ctx, t, j, s.i, false)) continue;
    if (!best || s.priority > best.priority || (s.priority === best.priority && s.i < best.i)) best = s;
  }
  return best;
}

function distance(i: number, j: number, fi: number, fj: number): number {
  if (j <= fi) return fi - j;
  if (i >= fj) return i - fj;
  return 0;
}

/** Whether token `fi` is inside a quotation, as far as this sentence shows. */
function inQuote(ctx: AttributionContext, t: Tokens, fi: number): boolean {
  let open = 0;
  let straight = 0;
  for (let k = 0; k < fi && k < t.n; k++) {
    if (t.kind[k] !== KIND_PUNCT) continue;
    const id = t.id[k];
    if (id === ctx.quoteOpen) open++;
    else if (id === ctx.quoteClose) open = Math.max(0, open - 1);
    else if (id === ctx.quote) straight++;
  }
  if (open > 0 || straight % 2 === 1) return true;
  // A quotation continued from an earlier sentence closes in this one with no opening before.
  for (let k = fi; k < t.n; k++) {
    if (t.kind[k] !== KIND_PUNCT) continue;
    const id = t.id[k];
    if (id === ctx.quoteOpen) return false;
    if (id === ctx.quoteClose) return true;
  }
  return false;
}

/** Every answer that names or points at a source: all types but the two with none. */
const SOURCED_TYPES = new Set<PageAttributionType>([
  ...ATTRIBUTION_TYPES.filter((t) => t !== 'hearsay' && t !== 'unattributed'),
  'unclear',
]);

/** Whether a sentence's attribution may carry over to the next one (rule 5), from its analysis. */
export function attributesSomething(a: SentenceAttribution): boolean {
  if (a.unlinked.length > 0) return true;
  for (const c of a.candidates) if (SOURCED_TYPES.has(c.type)) return true;
  return false;
}

/**
 * {@link attributesSomething} without a full analysis, for a previous sentence read only for
 * rule 5: it holds a reporting verb, "according to" or an anonymous phrase. Each of these yields
 * a candidate or an unlinked cue, and every candidate's type is a sourced one, so the answers
 * agree; only the cue search (names skipped) is needed. Arguments as for {@link analyseSentence}.
 */
export function hasStatementCue(
  ctx: AttributionContext,
  text: string,
  sentence: Span,
  t: Tokens,
  names: readonly NameMatch[],
  from = 0,
  to = names.length,
): boolean {
  const { hits, names: nameHits } = ctx.scratch;
  findNameHits(ctx, t, sentence, names, from, to, nameHits);
  findCueHits(ctx, text, t, nameHits, hits);
  for (const h of hits) {
    const kind = h.cue.kind;
    if (kind === 'speech' || kind === 'public' || kind === 'according' || kind === 'anonymous') return true;
  }
  return false;
}

/**
 * Decides the attribution of the figure at character span `figure` (null: the sentence as a whole)
 * from a sentence analysis (whose tokens must still hold the sentence). `previousAttributes`: the
 * previous sentence of the same block attributes something (rule 5; see
 * {@link attributesSomething}); it only matters when {@link needsPrevious} says so.
 */
export function decideAttribution(
  ctx: AttributionContext,
  text: string,
  a: SentenceAttribution,
  figure: Span | null,
  previousAttributes = false,
): PageAttribution {
  const t = a.tokens;
  let fi = 0;
  let fj = 0;
  if (figure) {
    fi = tokenRangeFrom(t, figure.start);
    fj = tokenRangeTo(t, fi, figure.end);
  }
  if (a.candidates.length > 0) {
    const fClause = clauseOf(ctx, a, fi);
    let best: Candidate | undefined;
    let bestD = Infinity;
    for (const c of a.candidates) {
      const d = figure
        ? distance(c.i, c.j, fi, fj) +
          (clauseOf(ctx, a, c.i) === fClause || clauseOf(ctx, a, c.j - 1) === fClause ? 0 : 1000)
        : c.i;
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    let chosen = best as Candidate;
    if (chosen.type === 'media-relay') {
      // Label the deepest source: an outlet citing someone else yields to that someone.
      for (const c of a.candidates) {
        if (c.via === 'according' && c.type !== 'media-relay' && c.type !== 'unclear') {
          chosen = c;
          break;
        }
      }
    }
    return {
      type: chosen.type,
      cue: text.slice(chosen.cueStart, chosen.cueEnd),
      cueStart: chosen.cueStart,
      cueEnd: chosen.cueEnd,
    };
  }
  const first = a.unlinked[0];
  if (first) {
    return {
      type: 'unclear',
      cue: text.slice(first.start, first.end),
      cueStart: first.start,
      cueEnd: first.end,
    };
  }
  if (figure && inQuote(ctx, t, fi)) return { type: 'unclear', cue: '' };
  if (a.hedges.length > 0) {
    let best = a.hedges[0] as CueHit;
    let bestD = Infinity;
    for (const h of a.hedges) {
      const d = figure ? distance(h.i, h.j, fi, fj) : h.i;
      if (d < bestD) {
        best = h;
        bestD = d;
      }
    }
    return { type: 'hearsay', cue: text.slice(best.start, best.end), cueStart: best.start, cueEnd: best.end };
  }
  if (previousAttributes) return { type: 'unclear', cue: '' };
  return { type: 'unattributed', cue: '' };
}

/** Whether an analysis has no cue of its own, so the previous sentence may matter (rule 5). */
export function needsPrevious(a: SentenceAttribution): boolean {
  return a.candidates.length === 0 && a.unlinked.length === 0 && a.hedges.length === 0;
}

let defaultCtx: { map: ReadonlyMap<string, Entity>; ctx: AttributionContext } | undefined;

/**
 * Classifies how `sentence` attributes the figure at `figure` (pass null to classify the sentence
 * as a whole). `names` are the dataset names found in the text (those outside the sentence are
 * ignored), `entityById` resolves their ids. `previous` is the previous sentence of the same block,
 * if any. Offsets index `text`. The cue's offsets are set whenever `cue` is not empty. (The engine
 * uses the same analysis with buffers and a context it keeps; this form builds them per call.)
 */
export function classifyAttribution(
  text: string,
  sentence: Span,
  figure: Span | null,
  names: readonly NameMatch[],
  entityById: ReadonlyMap<string, Entity>,
  previous?: Span,
): PageAttribution {
  if (!defaultCtx || defaultCtx.map !== entityById) {
    defaultCtx = { map: entityById, ctx: createAttributionContext(entityById) };
  }
  const ctx = defaultCtx.ctx;
  const tokens = new Tokens();
  tokenizeInto(tokens, ctx.vocab, text, sentence.start, sentence.end);
  const a = analyseSentence(ctx, text, sentence, tokens, names);
  let previousAttributes = false;
  if (previous && needsPrevious(a)) {
    const prevTokens = new Tokens();
    tokenizeInto(prevTokens, ctx.vocab, text, previous.start, previous.end);
    previousAttributes = hasStatementCue(ctx, text, previous, prevTokens, names);
  }
  return decideAttribution(ctx, text, a, figure, previousAttributes);
}
