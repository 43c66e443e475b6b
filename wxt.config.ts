import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  manifest: {
    name: 'Crosscheck',
    description:
      'Marks figures and names in news articles and shows what other reports said and how each source is attributed.',
    permissions: ['storage', 'alarms'],
  },
});
