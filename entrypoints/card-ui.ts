import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardView } from '../components/CardView';
import { CARD_UI_GLOBAL } from '../lib/page/card-view';

/**
 * The card's view (Preact and the card components), kept out of the content script to keep that
 * small (DESIGN §9): the content script imports this file on the first hover, in its own isolated
 * world, and picks `createCardView` up from that world's global.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = createCardView;
});
