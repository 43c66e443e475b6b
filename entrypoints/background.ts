import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseCompiledDataset } from '../lib/dataset/validate-compiled';
import { ensureBundledDataset } from '../lib/store/bundled';
import { openStore } from '../lib/store/db';
import { getStatus } from '../lib/store/generations';
import { isContentScript, isExtensionPage, isGetStatusRequest, isScanRequest } from '../lib/store/messages';
import { createScanService } from '../lib/store/scan-service';
import { createEngine } from '../lib/text/engine';

export default defineBackground(() => {
  // Runs at every service-worker start (install, update, browser start, wake-up): cheap when the
  // bundled dataset is already installed, and it covers an extension update shipping a newer one.
  const ready = openStore().then(async (db) => {
    await ensureBundledDataset(db, {
      load: async () => {
        const response = await fetch(browser.runtime.getURL('/dataset/bundled.json'));
        if (!response.ok) throw new Error(`bundled dataset: HTTP ${response.status}`);
        return response.text();
      },
      parse: parseCompiledDataset,
    });
    return db;
  });
  ready.catch((error: unknown) => console.error('Crosscheck: could not install the bundled dataset', error));

  const scanService = ready.then((db) => createScanService(db, createEngine));
  // The failure is logged above; each scan request still gets the rejection.
  scanService.catch(() => undefined);

  browser.runtime.onMessage.addListener((message, sender) => {
    if (isContentScript(sender, browser.runtime.id)) {
      if (isScanRequest(message))
        return scanService.then((service) => service.scan(message.text, sender.url));
      return undefined;
    }
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    if (isGetStatusRequest(message)) return ready.then(getStatus);
    return undefined;
  });
});
