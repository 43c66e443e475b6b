/**
 * The update channel end to end (DESIGN §1 maintainer story, §8): the extension built by
 * `npm run build:e2e-update` trusts a throwaway key and checks http://127.0.0.1:<port>/release/;
 * the test publishes releases there, made with `npm run dataset -- release` and `buildRelease`,
 * and drives the options page in Chromium.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchExtension, type LaunchedExtension } from '../../cli/browser';
import { main as datasetCli } from '../../cli/dataset';
import { serveStatic, type StaticServer } from '../../cli/static-server';
import { generateSigningKey } from '../../lib/dataset/keys';
import { buildRelease } from '../../lib/dataset/release';
import type { CompiledDataset } from '../../lib/dataset/types';
import { E2E_UPDATE_EXTENSION_DIR, readE2eUpdateBuild } from './update-build';

type ReleaseFiles = { path: string; bytes: Uint8Array }[];

/** Whitespace-normalised text of the options page's status region. */
function statusText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' '),
  );
}

/** Waits until the status region contains `text`. */
async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      (document.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' ').includes(expected),
    text,
    { timeout: 30_000 },
  );
}

/** Starts the release server on the port the build baked in, or fails saying why. */
async function serveReleases(root: string, port: number): Promise<StaticServer> {
  try {
    return await serveStatic(root, port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is busy, and the update e2e build expects its release server there: free it, or rebuild with CROSSCHECK_E2E_UPDATE_PORT=<port> npm run build:e2e-update`
        : `Could not serve releases on 127.0.0.1:${port}: ${String(error)}`,
    );
  }
}

describe('dataset updates in Chromium', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let root: string;
  let releaseDir: string;
  let page: Page;
  let bundled: CompiledDataset;
  let privateKeyPem: string;

  /** Replaces what the channel serves with `files`. */
  async function publish(files: ReleaseFiles): Promise<void> {
    await rm(releaseDir, { recursive: true, force: true });
    await mkdir(releaseDir, { recursive: true });
    for (const file of files) await writeFile(join(releaseDir, file.path), file.bytes);
  }

  async function signed(version: number, pem = privateKeyPem): Promise<ReleaseFiles> {
    const built = await buildRelease({
      dataset: bundled,
      privateKeyPem: pem,
      now: new Date(),
      expiresDays: 30,
      version,
    });
    return built.files;
  }

  async function click(name: string): Promise<void> {
    await page.getByRole('button', { name, exact: true }).click();
  }

  beforeAll(async () => {
    const build = await readE2eUpdateBuild();
    privateKeyPem = build.privateKeyPem;
    bundled = JSON.parse(await readFile(join(E2E_UPDATE_EXTENSION_DIR, 'dataset/bundled.json'), 'utf8'));
    root = await mkdtemp(join(tmpdir(), 'crosscheck-update-e2e-'));
    releaseDir = join(root, 'release');
    // Nothing is published yet: a check before the test publishes finds nothing to install.
    await mkdir(releaseDir);
    server = await serveReleases(root, build.channel.port);
    ext = await launchExtension({ headless: true, extensionDir: E2E_UPDATE_EXTENSION_DIR });
    page = await ext.context.newPage();
    await page.goto(`${ext.extensionOrigin}/options.html`);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('starts on the bundled version and names the channel', async () => {
    await waitForStatus(page, `Dataset ${bundled.dataset.id} version ${bundled.dataset.version}`);
    expect(bundled.dataset.version).toBe(1);
    expect(await page.locator('.channel').textContent()).toContain(`127.0.0.1:${server.port}`);
  });

  it('installs version 2 released with `npm run dataset -- release`', async () => {
    const out = join(root, 'staging-v2');
    const keyFile = join(root, 'release-key.pem');
    await writeFile(keyFile, privateKeyPem, { mode: 0o600 });
    const messages: string[] = [];
    const io = {
      stdout: (text: string) => void messages.push(text),
      stderr: (text: string) => void messages.push(text),
      cwd: process.cwd(),
      now: () => new Date(),
    };
    const code = await datasetCli(['release', '--key', keyFile, '--out', out, '--version', '2'], io);
    expect(code, messages.join('')).toBe(0);
    await publish(
      await Promise.all(
        (await readdir(out)).map(async (path) => ({ path, bytes: await readFile(join(out, path)) })),
      ),
    );

    await click('Check for updates');
    await waitForStatus(page, 'Installed version 2 (was version 1).');
    const text = await statusText(page);
    expect(text).toContain(`Dataset ${bundled.dataset.id} version 2`);
    expect(text).toContain('from a signed update');
    expect(text).toContain('Version 1 is kept for rollback.');
    expect(await page.locator('.channel').textContent()).toContain('Installed version 2');
    expect(await page.getByRole('button', { name: 'Roll back to version 1', exact: true }).count()).toBe(1);
    const shot = await artifactPath('options-updated.png');
    await page.screenshot({ path: shot, fullPage: true });
  });

  it('says it is up to date when the channel still holds version 2', async () => {
    await click('Check for updates');
    await waitForStatus(page, 'Already up to date: version 2 is the newest release.');
  });

  it('refuses a version 3 whose data file was altered, keeping version 2', async () => {
    const files = await signed(3);
    const data = files.find((f) => f.path === 'dataset-3.json')!;
    data.bytes = new Uint8Array(data.bytes);
    data.bytes[200]! ^= 0x01;
    await publish(files);
    await click('Check for updates');
    await waitForStatus(
      page,
      'Refused the update: the release was altered after it was signed; keeping version 2.',
    );
    const text = await statusText(page);
    expect(text).toContain('dataset-3.json: SHA-256 does not match manifest.json');
    expect(text).toContain(`Dataset ${bundled.dataset.id} version 2`);
  });

  it('refuses a version 3 signed by a key it does not trust', async () => {
    const stranger = await generateSigningKey();
    await publish(await signed(3, stranger.privateKeyPem));
    await click('Check for updates');
    await waitForStatus(
      page,
      "Refused the update: the release's signature is not from a trusted key; keeping version 2.",
    );
    expect(await statusText(page)).toContain(`Dataset ${bundled.dataset.id} version 2`);
  });

  it('refuses a signed release of version 1 (a rollback), keeping version 2', async () => {
    await publish(await signed(1));
    await click('Check for updates');
    await waitForStatus(
      page,
      'Refused the update: the release is older than the active dataset (a rollback); keeping version 2.',
    );
    expect(await statusText(page)).toContain(`Dataset ${bundled.dataset.id} version 2`);
  });

  it('rolls back to version 1 with one click, and does not reinstall version 2', async () => {
    await click('Roll back to version 1');
    await waitForStatus(page, 'Rolled back to version 1.');
    expect(await statusText(page)).toContain(`Dataset ${bundled.dataset.id} version 1`);
    expect(await page.getByRole('button', { name: 'Roll back to version 1', exact: true }).count()).toBe(0);

    await publish(await signed(2));
    await click('Check for updates');
    await waitForStatus(page, 'that version was rolled back on this browser; keeping version 1.');
    expect(await statusText(page)).toContain(`Dataset ${bundled.dataset.id} version 1`);
    const shot = await artifactPath('options-rolled-back.png');
    await page.screenshot({ path: shot, fullPage: true });
  });
});
