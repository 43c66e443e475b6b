import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring lands with the store and update client.
});
