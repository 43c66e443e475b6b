import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCardController } from '../lib/page/card-controller';
import { CARD_UI_GLOBAL, type CreateCardView } from '../lib/page/card-view';
import { startMarking } from '../lib/page/mark-page';
import { answerTabRequest } from '../lib/page/popup-bridge';
import { isFromExtensionPage, isTabRequest } from '../lib/page/tab-messages';
import type { CardReply, CardRequest, ScanReply, ScanRequest } from '../lib/store/messages';

/**
 * Loads the card's view on first use: a dynamic import of the extension's `card-ui.js` (a web
 * accessible resource) runs in this content script's isolated world and leaves `createCardView`
 * on its global. The version in the URL keeps an updated extension from reusing an old module.
 */
async function loadCardView(): Promise<CreateCardView> {
  const slot = globalThis as Record<string, unknown>;
  if (typeof slot[CARD_UI_GLOBAL] !== 'function') {
    const url = `${browser.runtime.getURL('/card-ui.js')}?v=${browser.runtime.getManifest().version}`;
    await import(/* @vite-ignore */ url);
  }
  const create = slot[CARD_UI_GLOBAL];
  if (typeof create !== 'function') throw new Error('the card view did not load');
  return create as CreateCardView;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = startMarking(
      document,
      (text) =>
        browser.runtime.sendMessage({ type: 'scan', text } satisfies ScanRequest) as Promise<ScanReply>,
      {
        onError: (error) => {
          // After an update or uninstall the old script's messaging fails: not worth a log line.
          if (ctx.isValid) console.warn('Crosscheck: could not mark this page', error);
        },
      },
    );
    const cards = startCardController({
      doc: document,
      shadow: session.host.shadow,
      hostElement: session.host.element,
      marks: () => session.highlights(),
      fetchCard: (request) =>
        browser.runtime.sendMessage(request satisfies CardRequest) as Promise<CardReply>,
      loadView: loadCardView,
      signal: ctx.signal,
      onError: (error) => {
        if (ctx.isValid) console.warn('Crosscheck: could not show the card', error);
      },
    });
    // The popup: list the marks, jump to one, switch the site off and on (DESIGN §1).
    const onMessage = (message: unknown, sender: { id?: string; url?: string }) => {
      if (!isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
      if (!isTabRequest(message)) return undefined;
      return answerTabRequest({ doc: document, session, cards }, message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      cards.destroy();
      session.destroy();
    });
  },
});
