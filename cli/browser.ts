/**
 * Launches Debian's Chromium with the built extension loaded (DESIGN §11), for the end-to-end
 * tests and `npm start`. Missing Chromium or a missing build is an error, never a skip.
 */
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Where `wxt build` writes the Chrome MV3 extension. */
export const CHROME_EXTENSION_DIR = resolve('.output/chrome-mv3');
/** Screenshots and other end-to-end output (gitignored). */
export const ARTIFACTS_DIR = resolve('tests/e2e/.artifacts');

export interface LaunchOptions {
  headless: boolean;
  /** The unpacked extension; defaults to `.output/chrome-mv3`. */
  extensionDir?: string;
  /** How long to wait for the extension's service worker (ms). */
  timeout?: number;
  /**
   * Let Playwright close Chromium on Ctrl+C (default true). A caller that handles SIGINT itself,
   * to call `close()` and delete the profile, passes false.
   */
  handleSIGINT?: boolean;
}

/** A browser with the extension loaded, in a fresh profile that `close()` deletes. */
export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>` */
  extensionOrigin: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/**
 * Checks that Chromium and the built extension exist; rejects with a message saying how to get
 * whichever is missing.
 */
export async function assertPrerequisites(extensionDir: string = CHROME_EXTENSION_DIR): Promise<void> {
  const missing: string[] = [];
  if (!(await exists(CHROMIUM_PATH, constants.X_OK))) {
    missing.push(
      `${CHROMIUM_PATH} is missing: install it with \`apt-get update && apt-get install -y chromium\``,
    );
  }
  if (!(await exists(join(extensionDir, 'manifest.json'), constants.R_OK))) {
    missing.push(`${extensionDir}/manifest.json is missing: build the extension with \`npx wxt build\``);
  }
  if (missing.length > 0)
    throw new Error(`Cannot run Chromium with the extension:\n  ${missing.join('\n  ')}`);
}

/**
 * Launches Chromium with only the extension at `extensionDir` enabled, in a new temporary
 * profile, and waits for the extension's service worker; its URL gives the extension id.
 */
export async function launchExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const extensionDir = resolve(options.extensionDir ?? CHROME_EXTENSION_DIR);
  await assertPrerequisites(extensionDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'crosscheck-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless,
      handleSIGINT: options.handleSIGINT ?? true,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: options.timeout ?? 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      extensionOrigin: `chrome-extension://${extensionId}`,
      serviceWorker,
      close: async () => {
        await context.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await context.close();
    await removeProfile();
    throw new Error(`The extension's service worker did not start: ${String(error)}`);
  }
}

/** The path of an artifact file (creating the artifacts directory). */
export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

async function exists(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}
