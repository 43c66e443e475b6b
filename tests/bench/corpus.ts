/**
 * A deterministic news-like text for the engine benchmark: paragraphs of sentences built from
 * templates about the seed story (names, figures with qualifiers and ranges, dates, attribution
 * phrases). The sentences are written for this benchmark, not taken from any article.
 */
import { pick, seededRandom, type Random } from './prng';

const PEOPLE = [
  'Kim Jong Un',
  'Vladimir Putin',
  'Shin Geum Chul',
  'Kim Yong Hyun',
  'Donald Trump',
  'Ri Chang Ho',
  'Kim Young Bok',
  'Volodymyr Zelensky',
  'Pat Ryder',
  'Lee Seong-kweun',
];
const ORGS = [
  "the Korean People's Army",
  'the Reconnaissance General Bureau',
  'the Storm Corps',
  'the National Intelligence Service',
  'the Pentagon',
  'the Institute for the Study of War',
  'KCNA',
];
const PLACES = ['Kursk', 'the Kursk region', 'Pyongyang', 'Moscow', 'Seoul', 'Kyiv', 'Vladivostok'];
const FIGURES = [
  'about 12,000',
  'more than 5,000',
  'between 10,900 and 12,000',
  'up to 3,000',
  'at least 1,100',
  'some 500',
  'nearly 2,000',
  'an estimated 11,000',
  '10,000–12,000',
  'three',
  'two dozen',
  'several thousand',
  'hundreds of',
  '50,000',
  '1.5 million',
  'fewer than 300',
];
const MONEY = ['$1.2bn', '$20 million', '€400m', '10k dollars'];
const TROOPS = ['North Korean troops', 'North Korean soldiers', 'troops from Pyongyang', 'DPRK servicemen'];
const EVENTS = [
  'were sent to Russia',
  'have been deployed to the front',
  'were killed or wounded',
  'were dispatched to the border',
  'are training in the Far East',
  'were killed in the strike',
];
const ATTRIBUTIONS = [
  'according to informed sources',
  'the NIS told lawmakers in a closed-door briefing',
  'Ukraine’s military intelligence said',
  'KCNA reported',
  'analysts at the ISW estimate',
  'the White House said',
  'officials who spoke on condition of anonymity said',
  'Pentagon spokesman Pat Ryder told reporters',
];
const HEDGES = ['It is said that', 'Apparently,', 'Reportedly,', 'It is believed that'];
const DATES = [
  'On November 20',
  'As of October 24',
  'In early December',
  'On March 3, 2025',
  'By the end of 2024',
];

const TEMPLATES: readonly ((r: Random) => string)[] = [
  (r) =>
    `${pick(r, DATES)}, ${pick(r, FIGURES)} ${pick(r, TROOPS)} ${pick(r, EVENTS)}, ${pick(r, ATTRIBUTIONS)}.`,
  (r) =>
    `${pick(r, HEDGES)} ${pick(r, FIGURES)} ${pick(r, TROOPS)} ${pick(r, EVENTS)} near ${pick(r, PLACES)}.`,
  (r) => `${pick(r, PEOPLE)} met officials from ${pick(r, ORGS)} in ${pick(r, PLACES)} to discuss the war.`,
  (r) =>
    `${capitalise(pick(r, ATTRIBUTIONS))} that ${pick(r, PEOPLE)} had approved ${pick(r, MONEY)} in aid for ${pick(r, PLACES)}.`,
  (r) =>
    `The strike on ${pick(r, PLACES)} used Storm Shadow missiles and left ${pick(r, FIGURES)} casualties.`,
  (r) => `Call 03-1234-5678 or write to room ${100 + Math.floor(r() * 900)} for the 11th Corps archive.`,
  (r) =>
    `Major General Shin was one of ${pick(r, FIGURES)} officers sent by ${pick(r, ORGS)}, ${pick(r, ATTRIBUTIONS)}.`,
  (r) =>
    `Prices in ${pick(r, PLACES)} rose by ${1 + Math.floor(r() * 30)} percent over ${2 + Math.floor(r() * 9)} months.`,
];

/** Background sentences without figures: most of a news story is prose like this. */
const FILLER: readonly ((r: Random) => string)[] = [
  (r) =>
    `Officials in ${pick(r, PLACES)} declined to comment on the movements when asked on ${pick(r, ['Monday', 'Tuesday', 'Friday'])}.`,
  (r) =>
    `The talks between ${pick(r, PEOPLE)} and envoys from ${pick(r, PLACES)} were described as constructive but brief.`,
  (r) =>
    `Diplomats in ${pick(r, PLACES)} say the relationship rests on an exchange of weapons, money and technology rather than trust.`,
  // Curly quotes and apostrophes about as often as in the seed column (3 per KB; the bench prints both).
  () =>
    '“The situation on the ground changes quickly,” analysts cautioned, adding that early accounts are often revised.',
  (r) =>
    `Residents near ${pick(r, PLACES)} reported hearing explosions overnight, while rail traffic was briefly halted.`,
  () =>
    'The ministry did not say how the information had been gathered or whether it had been independently verified.',
];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** About `bytes` UTF-16 code units of paragraphs ("\n\n"-separated), the same for the same seed. */
export function generateNewsText(bytes: number, seed = 20241128): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const count = 3 + Math.floor(random() * 4);
    const sentences: string[] = [];
    // Three sentences in four are prose without a figure: that puts figures and names about as
    // densely as in the seed column (itself denser than most news); the bench prints both.
    for (let i = 0; i < count; i++)
      sentences.push(pick(random, random() < 0.75 ? FILLER : TEMPLATES)(random));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** The first paragraphs of `text` that fit in `bytes` code units (cut at a paragraph boundary). */
export function sliceAtParagraph(text: string, bytes: number): string {
  if (text.length <= bytes) return text;
  const cut = text.lastIndexOf('\n\n', bytes);
  return text.slice(0, cut > 0 ? cut : bytes);
}
