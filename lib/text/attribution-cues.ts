/**
 * The attribution cue lexicon (DESIGN §4, research/attribution-taxonomy.md): plain word sequences,
 * matched longest-first over normalised word tokens. Written for this project, in English.
 */
import type { PageAttributionType } from '../dataset/types';
import { PhraseTrie } from './phrase-trie';
import type { Vocabulary } from './words';

/** What a matched cue phrase contributes to the decision. */
export type AttributionCue =
  /** A reporting verb that needs a source next to it ("said", "told"); `intel` for estimate/assess. */
  | { kind: 'speech'; intel?: boolean; object?: boolean; briefing?: boolean }
  /** A collective public position ("accuse"): unnamed officials + this verb = an official statement. */
  | { kind: 'public' }
  /** A source follows ("according to", "citing"). */
  | { kind: 'according' }
  /** A complete anonymous attribution ("on condition of anonymity"). */
  | { kind: 'anonymous' }
  /** A hedge with no source ("apparently", "it is said that"). */
  | { kind: 'hedge' }
  /** An intelligence briefing relayed by someone else ("closed-door briefing", "told lawmakers"). */
  | { kind: 'briefing' }
  /** A generic source noun: its type, or `institution` when it depends on the country named with it. */
  | { kind: 'source'; type: PageAttributionType | 'institution' | 'officials' | 'lawmakers' | 'intelligence' }
  /** A country adjective/noun: whether it is a party to the conflict. */
  | { kind: 'nationality'; party: boolean; cased?: boolean }
  /** Subject pronouns: a verb after one has a source this sentence does not name. */
  | { kind: 'pronoun' }
  /** Phrases that look like cues but are not ("been confirmed dead"). */
  | { kind: 'ignore' };

const SPEECH = [
  'said', 'say', 'says', 'saying', 'stated', 'states', 'announced', 'announces', 'reported', 'reports',
  'claimed', 'claims', 'claim', 'wrote', 'writes', 'posted', 'noted', 'notes', 'added', 'adds',
  'confirmed', 'confirms', 'believes', 'believe', 'warned', 'warns', 'revealed', 'reveals', 'disclosed',
  'explained', 'testified', 'tweeted', 'put the number', 'put the figure', 'put the toll', 'puts the number',
  'puts the figure', 'put the death toll', 'has said', 'have said', 'had said', 'quoted', 'quotes',
]; // prettier-ignore

const SPEECH_OBJECT = ['told', 'tells', 'tell', 'informed', 'briefed', 'testified before'];

const SPEECH_INTEL = [
  'estimate', 'estimates', 'estimated', 'assess', 'assesses', 'assessed', 'assessing', 'judges', 'judged',
  'concluded', 'calculated', 'believed to number',
]; // prettier-ignore

const PUBLIC = [
  'accuse',
  'accuses',
  'accused',
  'have accused',
  'has accused',
  'condemned',
  'condemn',
  'denounced',
];

const ACCORDING = [
  'according to', 'citing', 'cited', 'quoting', 'quoted by', 'data from', 'figures from', 'estimates by',
  'estimate by', 'estimates from', 'an estimate by', 'per an estimate by', 'as reported by', 'reported by',
  'in a statement by', 'a statement from', 'told by',
]; // prettier-ignore

const ANONYMOUS = [
  'according to informed sources', 'informed sources said', 'on condition of anonymity',
  'on the condition of anonymity', 'on grounds of anonymity', 'on the grounds of anonymity',
  'speaking anonymously', 'spoke anonymously', 'requested anonymity', 'requesting anonymity',
  'asked not to be named', 'asked not to be identified', 'declined to be named', 'declined to be identified',
  'not authorized to speak', 'not authorised to speak', 'familiar with the matter', 'familiar with the situation',
  'familiar with the assessment', 'familiar with the intelligence', 'a source familiar with', 'sources familiar with',
  'people familiar with', 'a person familiar with', 'familiar with', 'citing undisclosed sources',
  'undisclosed sources', 'unnamed sources', 'unnamed officials', 'unnamed official', 'anonymous sources',
  'anonymous officials', 'an anonymous official', 'citing intelligence sources', 'intelligence sources',
  'diplomatic sources', 'military sources', 'government sources', 'a government source', 'a military source',
  'a diplomatic source', 'a senior source', 'insiders', 'an insider',
]; // prettier-ignore

const HEDGES = [
  'apparently', 'reportedly', 'allegedly', 'purportedly', 'supposedly', 'presumably', 'rumoured', 'rumored',
  'it is said', 'it is said that', 'is said to', 'are said to', 'was said to', 'were said to', 'is believed',
  'are believed', 'was believed', 'were believed', 'is thought', 'are thought', 'is thought to', 'are thought to',
  'it is believed', 'it is thought', 'it is reported', 'it has been reported', 'it was reported', 'is reported',
  'are reported', 'is reported to', 'are reported to', 'has been reported', 'have been reported',
  'is estimated', 'are estimated', 'is estimated to', 'are estimated to', 'an estimated', 'estimates vary',
  'according to various estimates', 'according to some estimates', 'according to estimates',
  'according to data', 'according to preliminary data', 'according to reports', 'according to some reports',
  'according to media reports', 'several sources have confirmed', 'some sources', 'by some estimates',
  'by some accounts', 'some say', 'rumours', 'rumors', 'unconfirmed reports', 'it is understood',
  'is understood to', 'are understood to', 'is likely', 'are likely', 'likely', 'possibly', 'perhaps',
]; // prettier-ignore

/** Reporting verbs whose object says an intelligence briefing was relayed. */
const SPEECH_BRIEFING = ['told lawmakers', 'briefed lawmakers', 'told legislators', 'told parliament'];

const BRIEFING = [
  'closed-door briefing', 'closed door briefing', 'closed-door meeting', 'briefing by', 'briefed by',
  'after being briefed', 'lawmakers briefed', 'a lawmaker briefed',
  'intelligence briefing', 'parliamentary intelligence committee', 'intelligence committee', 'after a briefing',
]; // prettier-ignore

const SOURCES: [string, AttributionCue & { kind: 'source' }][] = [
  ...[
    'officials', 'official', 'an official', 'a senior official', 'senior officials', 'the official',
    'a government official', 'government officials', 'a military official', 'military officials',
    'a defense official', 'a defence official', 'defense officials', 'defence officials', 'a senior military official',
    'sources', 'a source', 'informed sources', 'diplomats', 'a diplomat', 'people', 'an officer',
  ].map((p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'officials' }]),
  ...['lawmakers', 'a lawmaker', 'legislators', 'a legislator', 'mps', 'an mp'].map(
    (p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'lawmakers' }],
  ),
  ...[
    'analysts', 'an analyst', 'experts', 'an expert', 'researchers', 'a researcher', 'observers',
    'military analysts', 'military experts', 'think tank', 'a think tank', 'the think tank', 'scholars',
  ].map((p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'analysis' }]),
  ...[
    'state media', 'state-run media', 'state-controlled media', 'state television', 'state tv',
    'state news agency', 'the state news agency', 'state broadcaster', 'state-run news agency', 'official media',
  ].map((p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'state-media' }]),
  ...[
    'media', 'media reports', 'local media', 'news reports', 'a report', 'the report', 'reports', 'press reports',
    'a newspaper', 'the newspaper', 'a broadcaster', 'the broadcaster', 'a telegram channel', 'telegram channels',
    'social media', 'a video posted on social media', 'bloggers', 'military bloggers', 'news agency', 'outlet',
  ].map((p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'media-relay' }]),
  ...[
    'government', 'the government', 'ministry', 'defense ministry', 'defence ministry', 'ministry of defense',
    'ministry of defence', 'foreign ministry', 'military', 'the military', 'army', 'armed forces', 'general staff',
    'presidential office', 'authorities', 'the authorities', 'administration', 'embassy',
    'joint chiefs of staff', 'command',
  ].map((p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'institution' }]),
  ...[
    'intelligence', 'military intelligence', 'intelligence agency', 'intelligence service', 'intelligence services',
    'spy agency', 'the spy agency', 'intelligence officials', 'defence intelligence', 'defense intelligence',
    'intelligence community', 'intelligence assessment', 'intelligence assessments', 'intelligence estimates',
    'military intelligence agency', 'military intelligence directorate',
  ].map((p): [string, AttributionCue & { kind: 'source' }] => [p, { kind: 'source', type: 'intelligence' }]),
]; // prettier-ignore

const PARTY_NATIONALITIES = [
  'ukrainian', 'ukraine', 'kyiv', 'kiev', 'russian', 'russia', 'moscow', 'kremlin', 'north korean',
  'north korea', 'pyongyang', 'dprk', 'north koreans', 'ukrainians', 'russians',
]; // prettier-ignore

const OTHER_NATIONALITIES = [
  'south korean', 'south korea', 'seoul', 'american', 'washington', 'british', 'uk', 'britain', 'western',
  'nato', 'japanese', 'japan', 'tokyo', 'european', 'eu', 'german', 'french', 'allied', 'united states',
]; // prettier-ignore

const PRONOUNS = ['he', 'she', 'they', 'it', 'we', 'i', 'you'];

const IGNORE = [
  'been confirmed', 'was confirmed', 'were confirmed', 'is confirmed', 'are confirmed', 'confirmed dead',
  'confirmed killed', 'reported missing', 'were told', 'was told', 'be told', 'as saying', 'said to be', 'has reported', 'in return', 'officers and', 'command of',
  'under command', 'chain of command', 'military command', 'military uniform', 'military uniforms',
  'military base', 'military technology', "people's army", 'the army of',
]; // prettier-ignore

/**
 * Builds the cue lexicon (once per engine), interning its words into `vocab`. Later groups never
 * overwrite earlier ones; a phrase's first value is the one that counts.
 */
export function buildAttributionLexicon(vocab: Vocabulary): PhraseTrie<AttributionCue> {
  const set = new PhraseTrie<AttributionCue>(vocab);
  const seen = new Set<string>();
  const add = (phrase: string, cue: AttributionCue): void => {
    const key = phrase.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    set.add(phrase, cue);
  };
  for (const p of IGNORE) add(p, { kind: 'ignore' });
  for (const p of ANONYMOUS) add(p, { kind: 'anonymous' });
  for (const p of HEDGES) add(p, { kind: 'hedge' });
  for (const p of BRIEFING) add(p, { kind: 'briefing' });
  for (const p of ACCORDING) add(p, { kind: 'according' });
  for (const p of PUBLIC) add(p, { kind: 'public' });
  for (const p of SPEECH_BRIEFING) add(p, { kind: 'speech', briefing: true });
  for (const p of SPEECH_OBJECT) add(p, { kind: 'speech', object: true });
  for (const p of SPEECH_INTEL) add(p, { kind: 'speech', intel: true });
  for (const p of SPEECH) add(p, { kind: 'speech' });
  for (const [p, cue] of SOURCES) add(p, cue);
  for (const p of PARTY_NATIONALITIES) add(p, { kind: 'nationality', party: true });
  for (const p of OTHER_NATIONALITIES) add(p, { kind: 'nationality', party: false });
  add('us', { kind: 'nationality', party: false, cased: true });
  for (const p of PRONOUNS) add(p, { kind: 'pronoun' });
  return set;
}
