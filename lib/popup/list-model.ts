/**
 * What the popup lists about a page (DESIGN §1): its figures in document order, each with the
 * quantity's label and how the page attributes it, then its names grouped by entity in order of
 * first mention; and the counts line. Pure.
 */
import type { PageAttributionType } from '../dataset/types';
import type { PopupMark } from '../page/tab-messages';
import type { LabelsReply } from '../store/popup-messages';

/** A figure row: jumps to mark `index`. */
export interface FigureItem {
  index: number;
  /** As the page wrote it ("about 12,000"). */
  text: string;
  /** The quantity's label, or its id when the dataset has no label for it. */
  label: string;
  attribution?: PageAttributionType;
}

/** One entity's mentions on the page. */
export interface NameGroup {
  entity: string;
  /** The entity's name, or the first mention's text when the dataset has no name for it. */
  name: string;
  /** The marks' indexes, in document order. */
  mentions: number[];
  /** Distinct ways the page wrote it that differ from `name` (ignoring case and quote style), in order. */
  variants: string[];
}

export interface ListModel {
  figures: FigureItem[];
  names: NameGroup[];
  /** "9 figures, 25 names". */
  countsText: string;
}

/** "1 figure" / "9 figures". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** "9 figures, 25 names" (each count of marks painted, names counting every mention). */
export function countsText(counts: { figures: number; names: number }): string {
  return `${plural(counts.figures, 'figure')}, ${plural(counts.names, 'name')}`;
}

/** Folds case, compatibility forms and curly quotes, so "People’s" and "People's" are one variant. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').toLocaleLowerCase();
}

function lookup(record: Record<string, string>, id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/**
 * Builds the list from the content script's marks (document order) and the background's labels.
 * Counts come from the marks themselves, so they agree with what is listed.
 */
export function buildListModel(marks: readonly PopupMark[], labels: LabelsReply): ListModel {
  const figures: FigureItem[] = [];
  const groups = new Map<string, NameGroup>();
  let nameCount = 0;
  for (const mark of marks) {
    if (mark.kind === 'figure') {
      figures.push({
        index: mark.index,
        text: mark.text,
        label: lookup(labels.quantities, mark.quantity) ?? mark.quantity,
        ...(mark.attribution ? { attribution: mark.attribution } : {}),
      });
      continue;
    }
    nameCount++;
    let group = groups.get(mark.entity);
    if (group === undefined) {
      group = {
        entity: mark.entity,
        name: lookup(labels.entities, mark.entity) ?? mark.text,
        mentions: [],
        variants: [],
      };
      groups.set(mark.entity, group);
    }
    group.mentions.push(mark.index);
    const folded = fold(mark.text);
    if (folded !== fold(group.name) && !group.variants.some((v) => fold(v) === folded))
      group.variants.push(mark.text);
  }
  return {
    figures,
    names: [...groups.values()],
    countsText: countsText({ figures: figures.length, names: nameCount }),
  };
}

/** The quantity and entity ids the marks refer to, each once (what to ask the background to label). */
export function idsToLabel(marks: readonly PopupMark[]): { quantities: string[]; entities: string[] } {
  const quantities = new Set<string>();
  const entities = new Set<string>();
  for (const mark of marks) {
    if (mark.kind === 'figure') quantities.add(mark.quantity);
    else entities.add(mark.entity);
  }
  return { quantities: [...quantities], entities: [...entities] };
}
