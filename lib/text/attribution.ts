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
 */
import type { Entity, PageAttributionType } from '../dataset/types';
import { buildAttributionLexicon, type AttributionCue } from './attribution-cues';
import type { NameMatch, PageAttribution } from './types';
import { PhraseSet, tokenizeWords, wordRange, type Word } from './words';

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

interface CueHit {
  i: number;
  j: number;
  cue: AttributionCue;
}

/** What the sentence says about attribution, independent of any one figure. */
export interface SentenceAttribution {
  words: Word[];
  candidates: Candidate[];
  /** Reporting verbs / "according to" with no identifiable source. */
  unlinked: CueHit[];
  hedges: CueHit[];
  /** Clause index of each word (";", ", while", ", but" start a new clause). */
  clause: number[];
}

interface EntityTraits {
  party: boolean;
  intel: boolean;
  academic: boolean;
  thinkTank: boolean;
}

/** Everything the classifier builds once per dataset. */
export interface AttributionContext {
  lexicon: PhraseSet<AttributionCue>;
  entityById: ReadonlyMap<string, Entity>;
  traits: Map<string, EntityTraits>;
}

const PARTY_COUNTRIES = new Set(['ua', 'ru', 'kp']);
const INTEL_WORDS = /\b(intelligence|spy|espionage)\b/i;
const ACADEMIC_WORDS = /\b(analyst|fellow|professor|researcher|scholar|expert|lecturer)\b/i;
const THINK_TANK_WORDS = /\b(think[- ]tank|institute|university|research|study of war|studies)\b/i;
const AUXILIARIES = new Set([
  'has', 'have', 'had', 'also', 'previously', 'earlier', 'recently', 'later', 'then', 'already', 'separately',
  'further', 'repeatedly', 'publicly', 'again', 'first', 'had', 'would', 'will', 'did', 'does', 'do',
]); // prettier-ignore
const OBJECT_WORDS = new Set([
  'reporters',
  'journalists',
  'lawmakers',
  'legislators',
  'parliament',
  'congress',
]);
const DETERMINERS = new Set(['the', 'a', 'an']);
const SUBJECT_WINDOW = 8;
const INVERTED_WINDOW = 6;
const ACCORDING_WINDOW = 4;

/** Builds the lexicon and per-entity caches once (the engine keeps one per dataset). */
export function createAttributionContext(entityById: ReadonlyMap<string, Entity>): AttributionContext {
  return { lexicon: buildAttributionLexicon(), entityById, traits: new Map() };
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

function isCapitalised(text: string, w: Word): boolean {
  const c = text.charCodeAt(w.start);
  return c >= 65 && c <= 90;
}

/** Where a reporting verb's phrase ends: its object ("reporters", "the National Assembly"). */
function objectEnd(text: string, words: readonly Word[], j: number): number {
  const first = words[j];
  const verbEnd = (words[j - 1] as Word).end;
  if (!first || first.kind !== 'w') return verbEnd;
  if (OBJECT_WORDS.has(first.norm)) return first.end;
  if (!DETERMINERS.has(first.norm))
    return isCapitalised(text, first) ? runEnd(text, words, j, verbEnd) : verbEnd;
  return runEnd(text, words, j + 1, verbEnd);
}

/** End of a run of capitalised words starting at `k` (stops after a possessive). */
function runEnd(text: string, words: readonly Word[], k: number, fallback: number): number {
  let end = fallback;
  for (let m = k; m < words.length; m++) {
    const w = words[m] as Word;
    if (w.kind !== 'w' || !isCapitalised(text, w)) break;
    end = w.end;
    if (w.poss) break;
  }
  return end;
}

function isBlocker(w: Word): boolean {
  return (
    w.kind === 'p' &&
    (w.norm === ';' || w.norm === 'q' || w.norm === 'q<' || w.norm === 'q>' || w.norm === ':')
  );
}

/**
 * Analyses one sentence (its words and the names in it) for attribution cues. `names` may hold
 * names outside the sentence; they are ignored.
 */
export function analyseSentence(
  ctx: AttributionContext,
  text: string,
  sentence: Span,
  names: readonly NameMatch[],
  words: Word[] = tokenizeWords(text, sentence.start, sentence.end),
): SentenceAttribution {
  const n = words.length;
  // Names first: their words are not read as cues ("Korean People's Army" is not "army").
  const nameHits: { i: number; j: number; entity: Entity }[] = [];
  for (const m of names) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const e = ctx.entityById.get(m.entity);
    if (!e) continue;
    const [i, j] = wordRange(words, m.start, m.end);
    if (j > i) nameHits.push({ i, j, entity: e });
  }
  nameHits.sort((a, b) => a.i - b.i);

  const hits: CueHit[] = [];
  let next = 0;
  for (let i = 0; i < n;) {
    const nh = nameHits[next];
    if (nh && i >= nh.i) {
      i = Math.max(i, nh.j);
      next++;
      continue;
    }
    const m = ctx.lexicon.longestAt(words, i, nh ? nh.i : n);
    if (!m) {
      i++;
      continue;
    }
    const cue = m.values[0] as AttributionCue;
    const w = words[i] as Word;
    if (!(cue.kind === 'nationality' && cue.cased && !isCapitalised(text, w))) {
      hits.push({ i, j: i + m.len, cue });
    }
    i += m.len;
  }

  const briefing = hits.some((h) => h.cue.kind === 'briefing' || (h.cue.kind === 'speech' && h.cue.briefing));
  const intelVerb = hits.some((h) => h.cue.kind === 'speech' && h.cue.intel);

  // Country words / entities right before a generic source noun decide whose it is.
  const countryBefore = (i: number): boolean | undefined => {
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const h = hits.find((x) => x.j - 1 === k || (x.i <= k && k < x.j));
      if (h && h.cue.kind === 'nationality') return h.cue.party;
      const nh = nameHits.find((x) => x.i <= k && k < x.j);
      if (nh && (nh.entity.kind === 'place' || nh.entity.country !== undefined)) {
        return traitsOf(ctx, nh.entity).party || Boolean(nh.entity.party);
      }
    }
    return undefined;
  };

  const sources: Source[] = [];
  for (const nh of nameHits) {
    const type = entityType(ctx, nh.entity, intelVerb, briefing);
    if (type === null) continue;
    const priority = nh.entity.kind === 'person' ? 3 : nh.entity.kind === 'place' ? 1 : 2;
    sources.push({ i: nh.i, j: nh.j, type, priority, place: nh.entity.kind === 'place' });
  }
  for (const h of hits) {
    if (h.cue.kind === 'nationality') {
      // "Seoul has claimed", "Kyiv says": a capital or country as the speaker.
      sources.push({
        i: h.i,
        j: h.j,
        type: h.cue.party ? 'party-claim' : 'official-statement',
        priority: 1,
        place: true,
      });
      continue;
    }
    if (h.cue.kind !== 'source') continue;
    sources.push({
      i: h.i,
      j: h.j,
      type: sourceType(h.cue, countryBefore(h.i), intelVerb, briefing),
      priority: 2,
      place: false,
    });
  }
  sources.sort((a, b) => a.i - b.i);

  const candidates: Candidate[] = [];
  const unlinked: CueHit[] = [];
  const hedges: CueHit[] = [];
  for (const h of hits) {
    const c = h.cue;
    if (c.kind === 'hedge') hedges.push(h);
    else if (c.kind === 'anonymous') {
      candidates.push(candidate('anonymous', h.i, h.j, words, 'anonymous'));
    } else if (c.kind === 'speech' || c.kind === 'public') {
      const linked = linkSpeech(text, words, sources, h, c.kind === 'public');
      if (linked) candidates.push(linked);
      else unlinked.push(h);
    } else if (c.kind === 'according') {
      const src = pickAfter(words, sources, h.j, ACCORDING_WINDOW);
      if (src) {
        const type = src.type === 'officials' ? 'anonymous' : src.type;
        const cand = candidate(type, h.i, src.j, words, 'according');
        candidates.push(cand);
      } else unlinked.push(h);
    }
  }

  const clause: number[] = new Array<number>(n);
  let cl = 0;
  for (let k = 0; k < n; k++) {
    const w = words[k] as Word;
    if (w.norm === ';' && w.kind === 'p') cl++;
    else if (
      w.kind === 'w' &&
      (w.norm === 'while' || w.norm === 'whereas' || w.norm === 'but') &&
      words[k - 1]?.norm === ','
    )
      cl++;
    clause[k] = cl;
  }
  return { words, candidates, unlinked, hedges, clause };
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
  words: readonly Word[],
  via: Candidate['via'],
  cueStart = (words[i] as Word).start,
  cueEnd = (words[j - 1] as Word).end,
): Candidate {
  return { type, i, j, cueStart, cueEnd, via };
}

/**
 * The source a reporting verb is tied to: its subject before it, or the speaker right after it
 * ("…, said Deputy Press Secretary Pat Ryder"). Verbs that take an object ("told reporters") are
 * never inverted. After a comma ("…in Kursk, said X") the speaker after the verb is tried first.
 */
function linkSpeech(
  text: string,
  words: readonly Word[],
  sources: readonly Source[],
  h: CueHit,
  isPublic: boolean,
): Candidate | undefined {
  const resolve = (s: Source): PageAttributionType =>
    s.type === 'officials' ? (isPublic ? 'official-statement' : 'anonymous') : s.type;
  const takesObject = h.cue.kind === 'speech' && (h.cue.object === true || h.cue.briefing === true);
  const inverted = (): Candidate | undefined => {
    if (takesObject) return undefined;
    const after = pickAfter(words, sources, h.j, INVERTED_WINDOW);
    return after ? candidate(resolve(after), h.i, after.j, words, 'speech') : undefined;
  };
  let k = h.i - 1;
  while (k >= 0 && AUXILIARIES.has((words[k] as Word).norm)) k--;
  const before = words[k];
  if (before !== undefined && before.kind === 'w' && PRONOUN_SET.has(before.norm)) return undefined;
  if (before !== undefined && before.norm === ',' && before.kind === 'p') {
    const first = inverted();
    if (first) return first;
  }
  let best: Source | undefined;
  for (const s of sources) {
    if (s.j > h.i || s.j < h.i - SUBJECT_WINDOW) continue;
    if (s.place && (h.i - s.j > 3 || blocked(words, s.j, h.i, true))) continue;
    if (blocked(words, s.j, h.i)) continue;
    if (!best || s.j > best.j) best = s;
  }
  if (best) {
    // Include a country word right before the source: "Western officials", "U.S. officials".
    let startWord = best.i;
    const adj = sources.find((s) => s.place && s.j === best.i && s !== best);
    if (adj) startWord = adj.i;
    const end = (words[h.j - 1] as Word).end;
    const obj = takesObject ? objectEnd(text, words, h.j) : end;
    return candidate(
      resolve(best),
      startWord,
      h.j,
      words,
      'speech',
      (words[startWord] as Word).start,
      Math.max(end, obj),
    );
  }
  return inverted();
}

const PRONOUN_SET = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which']);

/** Whether a quote mark, `;` or `:` (or, with `anyPunct`, any punctuation) lies in `[from, to)`. */
function blocked(words: readonly Word[], from: number, to: number, anyPunct = false): boolean {
  for (let k = from; k < to; k++) {
    const w = words[k] as Word;
    if (anyPunct ? w.kind === 'p' : isBlocker(w)) return true;
  }
  return false;
}

/** The best source starting within `window` words after `j`: highest priority, then nearest. */
function pickAfter(
  words: readonly Word[],
  sources: readonly Source[],
  j: number,
  window: number,
): Source | undefined {
  let best: Source | undefined;
  for (const s of sources) {
    if (s.i < j || s.i > j + window) continue;
    if (s.place && s.i > j + 2) continue;
    if (blocked(words, j, s.i)) continue;
    if (!best || s.priority > best.priority || (s.priority === best.priority && s.i < best.i)) best = s;
  }
  return best;
}

function distance(i: number, j: number, fi: number, fj: number): number {
  if (j <= fi) return fi - j;
  if (i >= fj) return i - fj;
  return 0;
}

/** Whether word `fi` is inside a quotation, as far as this sentence shows. */
function inQuote(words: readonly Word[], fi: number): boolean {
  let open = 0;
  let straight = 0;
  for (let k = 0; k < fi; k++) {
    const w = words[k] as Word;
    if (w.kind !== 'p') continue;
    if (w.norm === 'q<') open++;
    else if (w.norm === 'q>') open = Math.max(0, open - 1);
    else if (w.norm === 'q') straight++;
  }
  if (open > 0 || straight % 2 === 1) return true;
  // A quotation continued from an earlier sentence closes in this one with no opening before.
  for (let k = fi; k < words.length; k++) {
    const w = words[k] as Word;
    if (w.kind !== 'p') continue;
    if (w.norm === 'q<') return false;
    if (w.norm === 'q>') return true;
  }
  return false;
}

const SOURCED_TYPES = new Set<PageAttributionType>([
  'named-official',
  'official-statement',
  'intelligence-assessment',
  'anonymous',
  'party-claim',
  'state-media',
  'media-relay',
  'analysis',
  'unclear',
]);

function surface(text: string, start: number, end: number): PageAttribution {
  return { type: 'unclear', cue: text.slice(start, end), cueStart: start, cueEnd: end };
}

/**
 * Decides the attribution of the figure at character span `figure` (null: the sentence as a whole)
 * from a sentence analysis. `previous` is the analysis of the previous sentence of the same block,
 * if any (rule 5).
 */
export function decideAttribution(
  text: string,
  a: SentenceAttribution,
  figure: Span | null,
  previous?: SentenceAttribution,
): PageAttribution {
  const [fi, fj] = figure ? wordRange(a.words, figure.start, figure.end) : [0, 0];
  const fClause = a.clause[fi] ?? 0;
  if (a.candidates.length > 0) {
    let best: Candidate | undefined;
    let bestD = Infinity;
    for (const c of a.candidates) {
      const d = figure
        ? distance(c.i, c.j, fi, fj) +
          ((a.clause[c.i] ?? 0) === fClause || (a.clause[c.j - 1] ?? 0) === fClause ? 0 : 1000)
        : c.i;
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    let chosen = best as Candidate;
    if (chosen.type === 'media-relay') {
      // Label the deepest source: an outlet citing someone else yields to that someone.
      const deeper = a.candidates.find(
        (c) => c.via === 'according' && c.type !== 'media-relay' && c.type !== 'unclear',
      );
      if (deeper) chosen = deeper;
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
    const s = (a.words[first.i] as Word).start;
    const e = (a.words[first.j - 1] as Word).end;
    return surface(text, s, e);
  }
  if (figure && inQuote(a.words, fi)) return { type: 'unclear', cue: '' };
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
    const s = (a.words[best.i] as Word).start;
    const e = (a.words[best.j - 1] as Word).end;
    return { type: 'hearsay', cue: text.slice(s, e), cueStart: s, cueEnd: e };
  }
  if (
    previous &&
    (previous.candidates.some((c) => SOURCED_TYPES.has(c.type)) || previous.unlinked.length > 0)
  ) {
    return { type: 'unclear', cue: '' };
  }
  return { type: 'unattributed', cue: '' };
}

let defaultCtx: { map: ReadonlyMap<string, Entity>; ctx: AttributionContext } | undefined;

/**
 * Classifies how `sentence` attributes the figure at `figure` (pass null to classify the sentence
 * as a whole). `names` are the dataset names found in the text (those outside the sentence are
 * ignored), `entityById` resolves their ids. `previous` is the previous sentence of the same block,
 * if any. Offsets index `text`. The cue's offsets are set whenever `cue` is not empty.
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
  const a = analyseSentence(ctx, text, sentence, names);
  const p = previous ? analyseSentence(ctx, text, previous, names) : undefined;
  return decideAttribution(text, a, figure, p);
}
