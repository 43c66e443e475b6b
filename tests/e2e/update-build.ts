/**
 * The extension build for the update end-to-end test (tests/e2e/update.e2e.ts):
 * `npm run build:e2e-update` makes a throwaway release key, then builds the Chrome extension into
 * .output/e2e-update/chrome-mv3 with that key trusted (`CROSSCHECK_TRUSTED_KEYS`) and the update
 * channel on http://127.0.0.1:<port>/release/manifest.json (`CROSSCHECK_UPDATE_URL`). The port is
 * baked in at build time, so it is fixed (47913, or `CROSSCHECK_E2E_UPDATE_PORT`) and recorded in
 * channel.json for the test. The private key stays in .output/ (gitignored, mode 600); the normal
 * build in .output/chrome-mv3 trusts only the pinned keys.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSigningKey } from '../../lib/dataset/keys';

/** Where the update end-to-end build and its key live. */
export const E2E_UPDATE_DIR = resolve('.output/e2e-update');
/** The unpacked extension of that build. */
export const E2E_UPDATE_EXTENSION_DIR = join(E2E_UPDATE_DIR, 'chrome-mv3');
/** The throwaway private key (PKCS#8 PEM) that the build trusts. */
export const E2E_UPDATE_KEY_FILE = join(E2E_UPDATE_DIR, 'release-key.pem');
/** What the build baked in: `{ port, updateUrl, publicKey }`. */
export const E2E_UPDATE_CHANNEL_FILE = join(E2E_UPDATE_DIR, 'channel.json');
/** The default port of the test's release server. */
export const DEFAULT_E2E_UPDATE_PORT = 47913;

/** The channel an update end-to-end build was made for. */
export interface E2eUpdateChannel {
  port: number;
  updateUrl: string;
  publicKey: string;
}

/** Reads channel.json and the private key of the last `build:e2e-update`; rejects saying how to make them. */
export async function readE2eUpdateBuild(): Promise<{ channel: E2eUpdateChannel; privateKeyPem: string }> {
  try {
    const channel = JSON.parse(await readFile(E2E_UPDATE_CHANNEL_FILE, 'utf8')) as E2eUpdateChannel;
    const privateKeyPem = await readFile(E2E_UPDATE_KEY_FILE, 'utf8');
    return { channel, privateKeyPem };
  } catch (error) {
    throw new Error(
      `The update end-to-end build is missing (${(error as Error).message}): run \`npm run build:e2e-update\``,
    );
  }
}

/** Makes the key and runs `wxt build` for Chrome into {@link E2E_UPDATE_DIR}; returns the exit code. */
export async function buildE2eUpdateExtension(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const port = Number(env.CROSSCHECK_E2E_UPDATE_PORT || DEFAULT_E2E_UPDATE_PORT);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    console.error(`CROSSCHECK_E2E_UPDATE_PORT must be a port number from 1024 to 65535, got ${port}`);
    return 2;
  }
  const key = await generateSigningKey();
  const channel: E2eUpdateChannel = {
    port,
    updateUrl: `http://127.0.0.1:${port}/release/manifest.json`,
    publicKey: key.publicKey,
  };
  await mkdir(E2E_UPDATE_DIR, { recursive: true });
  await writeFile(E2E_UPDATE_KEY_FILE, key.privateKeyPem, { mode: 0o600 });
  await writeFile(E2E_UPDATE_CHANNEL_FILE, `${JSON.stringify(channel, null, 2)}\n`);
  const build = spawnSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: {
      ...env,
      CROSSCHECK_UPDATE_URL: channel.updateUrl,
      CROSSCHECK_TRUSTED_KEYS: channel.publicKey,
      CROSSCHECK_OUT_DIR: relative(process.cwd(), E2E_UPDATE_DIR),
    },
  });
  if (build.status !== 0) {
    console.error('The update end-to-end build failed.');
    return 1;
  }
  console.log(
    `Built ${relative(process.cwd(), E2E_UPDATE_EXTENSION_DIR)} for ${channel.updateUrl}, trusting key ${key.keyId}`,
  );
  return 0;
}

const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(resolve(script)).href) {
  buildE2eUpdateExtension().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
