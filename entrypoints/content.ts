import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarking } from '../lib/page/mark-page';
import type { ScanReply, ScanRequest } from '../lib/store/messages';

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
    ctx.onInvalidated(() => session.destroy());
  },
});
