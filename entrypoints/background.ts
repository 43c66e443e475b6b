import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseCompiledDataset } from '../lib/dataset/validate-compiled';
import { ensureBundledDataset } from '../lib/store/bundled';
import { openStore } from '../lib/store/db';
import { getStatus } from '../lib/store/generations';
import { createCardService } from '../lib/store/card-service';
import {
  isCardRequest,
  isContentScript,
  isExtensionPage,
  isGetStatusRequest,
  isScanRequest,
} from '../lib/store/messages';
import { createLabelService } from '../lib/store/label-service';
import { answerPopupRequest, isPopupRequest } from '../lib/store/popup-messages';
import { createScanService } from '../lib/store/scan-service';
import { createEngine } from '../lib/text/engine';
import { PINNED_KEYS } from '../lib/dataset/trusted-keys';
import { buildSettings } from '../lib/store/config';
import { answerUpdateRequest, isUpdateRequest } from '../lib/update/messages';
import { wireUpdateSchedule } from '../lib/update/schedule';
import { createUpdateService } from '../lib/update/update-service';

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
  const cardService = ready.then(createCardService);
  cardService.catch(() => undefined);
  const labelService = ready.then(createLabelService);
  labelService.catch(() => undefined);

  // Dataset updates from the build's channel (DESIGN §8): on an alarm, or from the options page.
  const updates = createUpdateService({
    db: () => ready,
    url: buildSettings.updateUrl,
    trustedKeys: [...PINNED_KEYS, ...buildSettings.trustedKeys],
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
  });
  wireUpdateSchedule(browser, buildSettings.updateUrl !== '', updates.check, (error: unknown) =>
    console.error('Crosscheck: update schedule', error),
  );

  browser.runtime.onMessage.addListener((message, sender) => {
    if (isContentScript(sender, browser.runtime.id)) {
      if (isScanRequest(message))
        return scanService.then((service) => service.scan(message.text, sender.url));
      if (isCardRequest(message)) return cardService.then((service) => service.card(message));
      return undefined;
    }
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    if (isGetStatusRequest(message)) return ready.then(getStatus);
    if (isUpdateRequest(message)) return answerUpdateRequest(updates, message);
    if (isPopupRequest(message))
      return Promise.all([ready, labelService]).then(([db, labels]) =>
        answerPopupRequest(db, labels, message),
      );
    return undefined;
  });
});
