/**
 * One end-to-end session: Chromium with the built extension (cli/browser.ts) plus the fixture
 * pages served on 127.0.0.1 (cli/static-server.ts), and screenshots into tests/e2e/.artifacts.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath, launchExtension, type LaunchedExtension } from '../../cli/browser';
import { serveStatic, type StaticServer } from '../../cli/static-server';

/** The fixture pages the harness serves. */
export const PAGES_DIR = resolve('tests/fixtures/pages');

export interface Harness {
  ext: LaunchedExtension;
  pages: StaticServer;
  /** `http://127.0.0.1:<port>/<name>` for a file in tests/fixtures/pages. */
  pageUrl(name: string): string;
  /** Opens a new tab on an extension page, e.g. `options.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Saves a full-page screenshot as tests/e2e/.artifacts/<name>.png; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the page server and a headless Chromium with the extension; rejects loudly if either is missing. */
export async function startHarness(): Promise<Harness> {
  const pages = await serveStatic(PAGES_DIR);
  let ext: LaunchedExtension;
  try {
    ext = await launchExtension({ headless: true });
  } catch (error) {
    await pages.close();
    throw error;
  }
  return {
    ext,
    pages,
    pageUrl: (name) => `${pages.origin}/${name}`,
    openExtensionPage: async (path) => {
      const page = await ext.context.newPage();
      await page.goto(`${ext.extensionOrigin}/${path}`);
      return page;
    },
    screenshot: async (page, name) => {
      const path = await artifactPath(`${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await ext.close();
      await pages.close();
    },
  };
}
