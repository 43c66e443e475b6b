/**
 * `npm start [-- --headless]`: builds the extension, serves tests/fixtures/pages on 127.0.0.1 and
 * opens Chromium with the extension on the seed article. `--headless` writes a screenshot
 * instead of opening a window, prints its path and exits.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { artifactPath, launchExtension } from './browser';
import { serveStatic } from './static-server';

const PAGES_DIR = resolve('tests/fixtures/pages');
const SEED_PAGE = 'seed-nk-troops-kursk.html';
const USAGE = 'usage: npm start [-- --headless]';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((arg) => arg !== '--headless');
  if (unknown.length > 0) {
    console.error(`unknown argument: ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const headless = args.includes('--headless');
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display: $DISPLAY is not set, so Chromium cannot open a window.');
    console.error(
      'Run `npm start -- --headless` for a screenshot instead (or start an X server, e.g. Xvfb).',
    );
    return 1;
  }

  console.log('Building the extension (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed.');
    return 1;
  }

  const server = await serveStatic(PAGES_DIR);
  const url = `${server.origin}/${SEED_PAGE}`;
  try {
    const ext = await launchExtension({ headless, handleSIGINT: false });
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(url);
    if (headless) {
      // Give the content script a moment to mark the page, if this build has one.
      await page
        .waitForSelector('crosscheck-ui[data-state="ready"]', { state: 'attached', timeout: 5_000 })
        .catch(() => undefined);
      const state = await page.evaluate(() =>
        document.querySelector('crosscheck-ui')?.getAttribute('data-state'),
      );
      const path = await artifactPath('start-headless.png');
      await page.screenshot({ path });
      await ext.close();
      console.log(
        `Extension ${ext.extensionId} on ${url}: <crosscheck-ui> ${state ? `state ${state}` : 'not present'}`,
      );
      console.log(`Screenshot: ${path}`);
      return 0;
    }
    console.log(`Chromium is open on ${url} with the extension (${ext.extensionId}).`);
    console.log(
      `Options page: ${ext.extensionOrigin}/options.html. Close the browser or press Ctrl+C to stop.`,
    );
    await new Promise<void>((done) => {
      ext.context.once('close', () => done());
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    await ext.close().catch(() => undefined);
    return 0;
  } finally {
    await server.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
