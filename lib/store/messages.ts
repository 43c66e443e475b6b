/**
 * Messages that extension pages (options, popup) send to the background about the store, and
 * the checks the background applies before answering (DESIGN §8: shape and sender); and the
 * `scan` request the content script sends with an article's text, and the `card` request it sends
 * when a reader opens a mark's card, with their replies.
 */
import type { CardData } from '../dataset/card-data';
import type { PageAttributionType, Qualifier } from '../dataset/types';
import type { FigureValue } from '../text/types';

/** Asks the background for the active dataset's status. */
export interface GetStatusRequest {
  type: 'getStatus';
}

/** True when `message` is exactly a `getStatus` request. */
export function isGetStatusRequest(message: unknown): message is GetStatusRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'getStatus' &&
    Object.keys(message).length === 1
  );
}

/** The parts of a message sender the check needs (a subset of `runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
}

/**
 * True when the sender is one of this extension's own pages: same extension id, a URL under the
 * extension's origin. Content scripts fail it: their sender URL is the web page's.
 * `extensionOrigin` is `runtime.getURL('/')`.
 */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}

/** The most article text a content script may send in one `scan` request (UTF-16 code units). */
export const MAX_SCAN_TEXT_LENGTH = 2 * 1024 * 1024;

/** Asks the background to scan an article's text (joined text blocks, see lib/page/extract). */
export interface ScanRequest {
  type: 'scan';
  text: string;
}

/**
 * True when `message` is exactly a `scan` request: `{ type: 'scan', text }` with no other key and
 * `text` a string of at most {@link MAX_SCAN_TEXT_LENGTH} code units.
 */
export function isScanRequest(message: unknown): message is ScanRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const { type, text } = message as { type?: unknown; text?: unknown };
  return (
    type === 'scan' &&
    typeof text === 'string' &&
    text.length <= MAX_SCAN_TEXT_LENGTH &&
    Object.keys(message).length === 2
  );
}

/** A name to mark: offsets index the scanned text (end exclusive). */
export interface PageName {
  start: number;
  end: number;
  /** Entity id. */
  entity: string;
}

/** A figure linked to a quantity, with what a figure card will need. Offsets index the scanned text. */
export interface PageFigure {
  start: number;
  end: number;
  /** Quantity id (only linked figures are sent). */
  quantity: string;
  value: FigureValue;
  qualifier: Qualifier;
  /** `percent` or an ISO 4217 code; absent for counts. */
  unit?: string;
  attribution?: { type: PageAttributionType; cue: string };
}

/**
 * The background's answer to a `scan` request: the marks, or `off` when the reader switched the
 * extension off for the page's site (then nothing was scanned).
 */
export type ScanReply = { status: 'off' } | { status: 'marks'; names: PageName[]; figures: PageFigure[] };

/** The parts of a message sender the content-script check needs (a subset of `runtime.MessageSender`). */
export interface ContentScriptSenderInfo extends SenderInfo {
  /** Present when the message comes from a tab; only its presence is checked. */
  tab?: unknown;
}

/**
 * True when the sender is this extension's content script in a web page: same extension id, sent
 * from a tab, from an `http:` or `https:` page (the content script's only matches). Extension
 * pages and other extensions fail it.
 */
export function isContentScript<S extends ContentScriptSenderInfo>(
  sender: S,
  extensionId: string,
): sender is S & { url: string } {
  return (
    sender.id === extensionId &&
    sender.tab !== undefined &&
    sender.tab !== null &&
    typeof sender.url === 'string' &&
    /^https?:\/\//i.test(sender.url)
  );
}

/** The longest entity or quantity id a `card` request may carry. */
export const MAX_CARD_ID_LENGTH = 200;

/** Asks the background for a card's data: a linked figure's quantity, or a name's entity. */
export type CardRequest =
  { type: 'card'; kind: 'figure'; quantity: string } | { type: 'card'; kind: 'name'; entity: string };

/**
 * True when `message` is exactly a `card` request: `{ type: 'card', kind: 'figure', quantity }` or
 * `{ type: 'card', kind: 'name', entity }`, no other key, the id a non-empty string of at most
 * {@link MAX_CARD_ID_LENGTH} code units.
 */
export function isCardRequest(message: unknown): message is CardRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  if (m.type !== 'card' || Object.keys(m).length !== 3) return false;
  const id = m.kind === 'figure' ? m.quantity : m.kind === 'name' ? m.entity : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_CARD_ID_LENGTH;
}

/** The background's answer to a `card` request; `missing` when the active dataset lacks the id. */
export type CardReply = { status: 'card'; card: CardData } | { status: 'missing' };
