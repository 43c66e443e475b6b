import { relative, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { readBuildSettings } from './lib/store/build-settings';

/** Where the bundled dataset lands in the extension (fetched by the background). */
const BUNDLED_DATASET_PATH = 'dataset/bundled.json';

/**
 * Checks and compiles the dataset sources into canonical JSON. A dataset that does not check
 * fails the build with every problem as `file:line: message`. `CROSSCHECK_DATASET_DIR` points
 * the build at another source directory (e.g. a small test dataset); the default is `dataset/`.
 */
async function compileBundledDataset(root: string): Promise<string> {
  // Imported here, not at the top: vitest loads this config too, and needs none of this.
  const [{ readSourceFiles }, { checkAndCompile }, { canonicalJson }, { formatProblem }] = await Promise.all([
    import('./cli/source-files'),
    import('./lib/dataset/compile'),
    import('./lib/dataset/canonical-json'),
    import('./lib/dataset/problems'),
  ]);
  // Relative to the working directory, so problems read `dataset/reports/x.yaml:12: ...`.
  const dir = relative(process.cwd(), resolve(root, process.env.CROSSCHECK_DATASET_DIR || 'dataset')) || '.';
  const { dataset, problems } = checkAndCompile(await readSourceFiles(dir));
  if (dataset === null || problems.length > 0) {
    throw new Error(`The dataset in ${dir} does not check:\n${problems.map(formatProblem).join('\n')}`);
  }
  return canonicalJson(dataset);
}

/**
 * The host permission for the update channel's origin: the background fetches releases from it,
 * and without the permission a host that sends no CORS headers could not be read. Match patterns
 * ignore the port.
 */
function channelHostPermissions(updateUrl: string): { host_permissions?: string[] } {
  if (updateUrl === '') return {};
  const url = new URL(updateUrl);
  return { host_permissions: [`${url.protocol}//${url.hostname}/*`] };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // A separate output directory for special builds (the update end-to-end build) keeps the
  // normal build in .output/ untouched.
  outDir: process.env.CROSSCHECK_OUT_DIR || '.output',
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Crosscheck',
    description:
      'Marks figures and names in news articles and shows what other reports said and how each source is attributed.',
    permissions: ['storage', 'alarms', 'activeTab'],
    // The card's view, imported by the content script on the first hover (DESIGN §9: it keeps the
    // content script small). The content script already announces itself with <crosscheck-ui>, so
    // exposing this file tells a page nothing new.
    web_accessible_resources: [{ resources: ['card-ui.js'], matches: ['http://*/*', 'https://*/*'] }],
    // Read when the build runs (after WXT loads any .env file), like the define below.
    ...channelHostPermissions(readBuildSettings(process.env).updateUrl),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'crosscheck@crosscheck-news.org',
          // Ed25519 in WebCrypto needs 129; the data-collection declaration needs 140.
          strict_min_version: '140.0',
          // Nothing the reader browses leaves the browser (DESIGN §8).
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android learned the data-collection declaration in 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  // Build-time settings (DESIGN §5), validated here so a bad key fails the build.
  vite: () => ({
    define: { __CROSSCHECK_BUILD_SETTINGS__: JSON.stringify(readBuildSettings(process.env)) },
  }),
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      files.push({
        relativeDest: BUNDLED_DATASET_PATH,
        contents: await compileBundledDataset(wxt.config.root),
      });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(BUNDLED_DATASET_PATH);
    },
  },
});
