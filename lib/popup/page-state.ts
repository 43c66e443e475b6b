/**
 * What the popup says about the page and the dataset (DESIGN §1, §8). Pure.
 */
import { formatPartialDate } from '../card/format';
import type { HostState } from '../page/host';
import type { ListModel } from './list-model';

/** What the popup knows about the page in its target tab. */
export type PagePanel =
  | { kind: 'loading' }
  /** No content script answered: a browser page, the store, a file, or a tab loaded before install. */
  | { kind: 'unsupported' }
  | { kind: 'scanning' }
  | { kind: 'off' }
  | { kind: 'error' }
  | { kind: 'ready'; list: ListModel };

/**
 * The panel for the content script's reply (`state` and the built list); `null` (no reply) is
 * `unsupported`.
 */
export function panelFor(reply: { state: HostState } | null, list: ListModel | null): PagePanel {
  if (reply === null) return { kind: 'unsupported' };
  if (reply.state === 'ready') return list === null ? { kind: 'loading' } : { kind: 'ready', list };
  return { kind: reply.state };
}

/**
 * The sentence shown instead of (or above) the list, or `null` when the list says it all:
 * "Crosscheck doesn't run on this page", "Reading the article…", "Nothing from the dataset on this
 * page", and so on.
 */
export function panelMessage(panel: PagePanel): string | null {
  switch (panel.kind) {
    case 'loading':
      return 'Looking at this page…';
    case 'unsupported':
      return 'Crosscheck doesn’t run on this page.';
    case 'scanning':
      return 'Reading the article…';
    case 'off':
      return 'Crosscheck is off on this site.';
    case 'error':
      return 'Crosscheck could not read this page.';
    case 'ready':
      return panel.list.figures.length + panel.list.names.length === 0
        ? 'Nothing from the dataset on this page.'
        : null;
  }
}

/** True while the popup should ask the page again (the article is still being read). */
export function shouldPoll(panel: PagePanel): boolean {
  return panel.kind === 'scanning' || panel.kind === 'loading';
}

/** "4 Mar 2025" for an ISO timestamp, in the reader's time zone; the input itself if unparsable. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatPartialDate(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
}

/** The dataset facts the popup's footer shows. */
export interface DatasetFacts {
  id: string;
  version: number;
  /** When the active generation was installed (ISO). */
  installedAt: string;
  /** ISO timestamp since which the release has expired, or null. */
  staleSince: string | null;
}

/** "Dataset nk-troops-russia version 1 · updated 4 Mar 2025". */
export function datasetLine(facts: DatasetFacts): string {
  return `Dataset ${facts.id} version ${facts.version} · updated ${formatDay(facts.installedAt)}`;
}

/** "Stale since 4 Mar 2025", or null when the data is not stale. */
export function staleLine(facts: DatasetFacts): string | null {
  return facts.staleSince === null ? null : `Stale since ${formatDay(facts.staleSince)}`;
}
