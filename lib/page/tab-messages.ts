/**
 * Messages the extension's popup sends to the content script of a tab (DESIGN §1: what was found,
 * jump to it, switch the site off and on), their replies, and the checks the content script
 * applies before answering (DESIGN §8: shape and sender). Pure: no DOM, no extension API.
 */
import type { PageAttributionType } from '../dataset/types';
import { isHostName } from '../store/popup-messages';
import type { HostState, MarkCounts } from './host';

/** Asks for the page's state and the list of its marks. */
export interface PopupListRequest {
  type: 'popupList';
}

/** Scrolls the mark at `index` (in the `popupList` reply's order) into view and opens its card. */
export interface JumpToRequest {
  type: 'jumpTo';
  index: number;
}

/** The reader switched `host` off: clear the marks (only if the page is on that host). */
export interface SiteOffRequest {
  type: 'siteOff';
  host: string;
}

/** The reader switched `host` back on: scan the page again (only if the page is on that host). */
export interface RescanRequest {
  type: 'rescan';
  host: string;
}

export type TabRequest = PopupListRequest | JumpToRequest | SiteOffRequest | RescanRequest;

/** One mark as the popup lists it; `index` is its place in document order. */
export type PopupMark =
  | {
      kind: 'figure';
      index: number;
      /** The figure as the page wrote it, whitespace collapsed ("about 12,000"). */
      text: string;
      quantity: string;
      /** How the page attributes it, when the classifier found out. */
      attribution?: PageAttributionType;
    }
  | { kind: 'name'; index: number; text: string; entity: string };

/** The answer to `popupList`. */
export interface PopupListReply {
  state: HostState;
  /**
   * The page's host name as the content script sees it (`location.hostname`, lower case). The
   * popup uses the tab's URL from the browser instead whenever it may read it.
   */
  host: string;
  counts: MarkCounts;
  /** Every painted mark in document order (at most {@link MAX_POPUP_MARKS}). */
  marks: PopupMark[];
}

/** The answer to `jumpTo`, `siteOff` and `rescan`: whether it was done. */
export interface TabActionReply {
  ok: boolean;
}

/** The most marks a `popupList` reply carries (a page with more lists the first ones). */
export const MAX_POPUP_MARKS = 2000;

/**
 * True when `message` is exactly one of the tab requests: `{ type: 'popupList' }`,
 * `{ type: 'jumpTo', index }` with `index` a non-negative safe integer, or
 * `{ type: 'siteOff' | 'rescan', host }` with `host` passing `isHostName` (lib/store/popup-messages);
 * no other key.
 */
export function isTabRequest(message: unknown): message is TabRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m).length;
  switch (m.type) {
    case 'popupList':
      return keys === 1;
    case 'jumpTo':
      return keys === 2 && Number.isSafeInteger(m.index) && (m.index as number) >= 0;
    case 'siteOff':
    case 'rescan':
      return keys === 2 && isHostName(m.host);
    default:
      return false;
  }
}

/** The parts of a message sender the check needs (a subset of `runtime.MessageSender`). */
export interface TabSenderInfo {
  id?: string;
  url?: string;
}

/**
 * True when a tab request comes from one of this extension's own pages (the popup, or popup.html
 * opened in a tab): same extension id and a URL under `extensionOrigin` (`runtime.getURL('/')`).
 * A sender's `tab` is not checked: popup.html opened in a tab has one. Web pages cannot message a
 * content script at all; this turns away other extensions and anything not from our origin.
 */
export function isFromExtensionPage(
  sender: TabSenderInfo,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.url === 'string' &&
    extensionOrigin !== '' &&
    sender.url.startsWith(extensionOrigin)
  );
}
