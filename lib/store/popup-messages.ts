/**
 * Messages the toolbar popup sends to the background (DESIGN §1): whether the extension is off
 * for a site, switching it, and the display names of the quantities and entities a page's marks
 * refer to. The background answers them only for the extension's own pages (`isExtensionPage` in
 * ./messages) and only when the message has exactly the expected shape.
 */
import type { CrosscheckDB } from './db';
import type { LabelService } from './label-service';
import { getSettings, setSiteDisabled } from './settings';

/** Whether the extension is off on `host`. */
export interface GetSiteRequest {
  type: 'getSite';
  host: string;
}

/** Switches the extension off (`disabled: true`) or back on for `host`. */
export interface SetSiteDisabledRequest {
  type: 'setSiteDisabled';
  host: string;
  disabled: boolean;
}

/** The display names of quantities (their labels) and entities (their names), by id. */
export interface LabelsRequest {
  type: 'labels';
  quantities: string[];
  entities: string[];
}

export type PopupRequest = GetSiteRequest | SetSiteDisabledRequest | LabelsRequest;

/** The answer to `getSite` and `setSiteDisabled`: the setting as now stored. */
export interface SiteReply {
  host: string;
  disabled: boolean;
}

/** The answer to `labels`: only ids the active dataset knows appear. */
export interface LabelsReply {
  quantities: Record<string, string>;
  entities: Record<string, string>;
}

/** The longest host name a request may carry (DNS allows 253). */
export const MAX_HOST_LENGTH = 253;
/** The most ids of each kind one `labels` request may ask for. */
export const MAX_LABEL_IDS = 2000;
/** The longest id a `labels` request may carry. */
export const MAX_LABEL_ID_LENGTH = 200;

/**
 * True for a lower-case host name as `URL.hostname` gives it: letters, digits, `.`, `-`, `_`, or a
 * bracketed IPv6 literal; 1 to {@link MAX_HOST_LENGTH} characters.
 */
export function isHostName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_HOST_LENGTH &&
    (/^[a-z0-9._-]+$/.test(value) || /^\[[0-9a-f:.]+\]$/.test(value))
  );
}

function isIdList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_LABEL_IDS &&
    value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_LABEL_ID_LENGTH)
  );
}

/**
 * True when `message` is exactly one of the popup requests: `{ type: 'getSite', host }`,
 * `{ type: 'setSiteDisabled', host, disabled }` (a boolean) or `{ type: 'labels', quantities,
 * entities }` (arrays of at most {@link MAX_LABEL_IDS} non-empty ids each); hosts must pass
 * {@link isHostName}; no other key.
 */
export function isPopupRequest(message: unknown): message is PopupRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m).length;
  switch (m.type) {
    case 'getSite':
      return keys === 2 && isHostName(m.host);
    case 'setSiteDisabled':
      return keys === 3 && isHostName(m.host) && typeof m.disabled === 'boolean';
    case 'labels':
      return keys === 3 && isIdList(m.quantities) && isIdList(m.entities);
    default:
      return false;
  }
}

/** Answers a popup request (the caller has checked shape and sender). */
export async function answerPopupRequest(
  db: CrosscheckDB,
  labels: LabelService,
  request: PopupRequest,
): Promise<SiteReply | LabelsReply> {
  switch (request.type) {
    case 'getSite': {
      const { disabledSites } = await getSettings(db);
      return { host: request.host, disabled: disabledSites.includes(request.host) };
    }
    case 'setSiteDisabled': {
      const { disabledSites } = await setSiteDisabled(db, request.host, request.disabled);
      return { host: request.host, disabled: disabledSites.includes(request.host) };
    }
    case 'labels':
      return labels.labels(request.quantities, request.entities);
  }
}
