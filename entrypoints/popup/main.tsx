import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CARD_CSS } from '../../components/card-css';
import { PopupView, type DatasetState, type SiteSwitchState } from '../../components/PopupView';
import type { PopupListReply, TabActionReply, TabRequest } from '../../lib/page/tab-messages';
import { buildListModel, idsToLabel } from '../../lib/popup/list-model';
import { panelFor, shouldPoll, type PagePanel } from '../../lib/popup/page-state';
import { siteOf, tabIdFromSearch } from '../../lib/popup/target';
import {
  isHostName,
  type LabelsReply,
  type PopupRequest,
  type SiteReply,
} from '../../lib/store/popup-messages';
import type { UpdateInfo } from '../../lib/update/update-service';
import './style.css';

const found = document.getElementById('root');
if (!found) throw new Error('popup: #root is missing');
const root: HTMLElement = found;

// The attribution badges share the card's styles (colours per type and scheme).
const badgeSheet = document.createElement('style');
badgeSheet.textContent = CARD_CSS;
document.head.append(badgeSheet);

/** `popup.html?tab=<id>` targets that tab (popup.html opened in a tab); otherwise the active tab. */
const tabParam = tabIdFromSearch(location.search);
const inToolbar = tabParam === null;

let page: PagePanel = { kind: 'loading' };
let site: SiteSwitchState | null = null;
let dataset: DatasetState = { kind: 'loading' };
let tabId: number | null = null;
let labels: LabelsReply = { quantities: {}, entities: {} };
let pollTimer = 0;

function show(): void {
  render(
    <PopupView
      page={page}
      site={site}
      dataset={dataset}
      onJump={(index) => void jump(index)}
      onSiteToggle={(on) => void toggleSite(on)}
      onOpenOptions={() => void openOptions()}
      optionsHref={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
}

function ask<T>(request: PopupRequest | { type: 'getUpdateInfo' }): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}

/** Sends to the target tab's content script; `null` when none answers (no content script there). */
async function tell<T>(request: TabRequest): Promise<T | null> {
  if (tabId === null) return null;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, request)) as T | undefined;
    return reply ?? null;
  } catch {
    return null;
  }
}

function isListReply(reply: unknown): reply is PopupListReply {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    typeof (reply as PopupListReply).state === 'string' &&
    typeof (reply as PopupListReply).host === 'string' &&
    Array.isArray((reply as PopupListReply).marks)
  );
}

/**
 * Asks the page what it found (again while it is still reading) and labels the marks; resolves
 * to the first reply, or `null` when no content script answered.
 */
async function refreshPage(): Promise<PopupListReply | null> {
  window.clearTimeout(pollTimer);
  const reply = await tell<unknown>({ type: 'popupList' });
  const list = isListReply(reply) ? reply : null;
  if (list !== null && list.state === 'ready' && list.marks.length > 0) {
    const ids = idsToLabel(list.marks);
    const missing = {
      quantities: ids.quantities.filter((id) => !Object.prototype.hasOwnProperty.call(labels.quantities, id)),
      entities: ids.entities.filter((id) => !Object.prototype.hasOwnProperty.call(labels.entities, id)),
    };
    if (missing.quantities.length + missing.entities.length > 0) {
      try {
        const more = await ask<LabelsReply>({ type: 'labels', ...missing });
        labels = {
          quantities: { ...labels.quantities, ...more.quantities },
          entities: { ...labels.entities, ...more.entities },
        };
      } catch {
        // Without labels the list shows ids; still worth showing.
      }
    }
  }
  page = panelFor(list, list !== null && list.state === 'ready' ? buildListModel(list.marks, labels) : null);
  show();
  if (shouldPoll(page)) pollTimer = window.setTimeout(() => void refreshPage(), 250);
  return list;
}

async function jump(index: number): Promise<void> {
  const reply = await tell<TabActionReply>({ type: 'jumpTo', index });
  if (reply?.ok) {
    // The card opens in the page; the popup would cover it.
    if (inToolbar) window.close();
    return;
  }
  // The page changed under the list: show what it has now.
  await refreshPage();
}

async function toggleSite(on: boolean): Promise<void> {
  if (site === null) return;
  const host = site.host;
  site = { ...site, disabled: !on, busy: true };
  show();
  try {
    const reply = await ask<SiteReply>({ type: 'setSiteDisabled', host, disabled: !on });
    site = { host, disabled: reply.disabled };
  } catch {
    site = { host, disabled: on };
    show();
    return;
  }
  show();
  await tell<TabActionReply>(site.disabled ? { type: 'siteOff', host } : { type: 'rescan', host });
  await refreshPage();
}

async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
  if (inToolbar) window.close();
}

async function loadDataset(): Promise<void> {
  try {
    const info = await ask<UpdateInfo>({ type: 'getUpdateInfo' });
    dataset =
      info.status === null
        ? { kind: 'none' }
        : {
            kind: 'ready',
            facts: {
              id: info.status.id,
              version: info.status.version,
              installedAt: info.status.installedAt,
              staleSince: info.staleSince,
            },
          };
  } catch {
    dataset = { kind: 'none' };
  }
  show();
}

async function start(): Promise<void> {
  show();
  void loadDataset();
  // Under `activeTab`, opening the popup from the toolbar lets it read the active tab's URL.
  const tab =
    tabParam !== null
      ? await browser.tabs.get(tabParam).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  tabId = tab?.id ?? null;
  // A tab whose URL is readable and not a web page has no content script: do not ask it.
  if (tab?.url !== undefined && siteOf(tab.url) === null) {
    page = { kind: 'unsupported' };
    show();
    return;
  }
  const reply = await refreshPage();
  // The browser's word on the tab's URL; only popup.html opened in a tab (no activeTab grant)
  // falls back to the host the content script reports.
  const host = siteOf(tab?.url) ?? (inToolbar || !isHostName(reply?.host) ? null : reply.host);
  if (host !== null) await loadSite(host);
}

async function loadSite(host: string): Promise<void> {
  try {
    const reply = await ask<SiteReply>({ type: 'getSite', host });
    site = { host, disabled: reply.disabled };
  } catch {
    site = null;
  }
  show();
}

void start();
