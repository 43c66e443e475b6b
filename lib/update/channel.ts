/**
 * The update channel's URLs (DESIGN §4, §8): a channel is the URL of a release's `manifest.json`;
 * `manifest.sig` and the data files sit beside it.
 */
import { RELEASE_FILE_NAME } from '../dataset/manifest';
import { parseUpdateUrl } from '../store/build-settings';

/** The URLs of one release on a channel. */
export interface ChannelUrls {
  manifest: string;
  signature: string;
  /** The URL of a file the manifest lists (a plain file name beside `manifest.json`). */
  file(name: string): string;
}

/**
 * Resolves a channel's URLs. Throws an `Error` when `manifestUrl` is not `https:` (or `http:` on
 * 127.0.0.1/localhost, for tests), the same rule the build applies to `CROSSCHECK_UPDATE_URL`;
 * `file()` throws for a name that is not a plain file name, so no listed path can leave the
 * release directory.
 */
export function channelUrls(manifestUrl: string): ChannelUrls {
  const manifest = parseUpdateUrl(manifestUrl);
  if (manifest === '') throw new Error('no update channel is configured');
  return {
    manifest,
    signature: new URL('manifest.sig', manifest).href,
    file(name) {
      if (!RELEASE_FILE_NAME.test(name)) throw new Error(`"${name}" is not a plain release file name`);
      return new URL(name, manifest).href;
    },
  };
}

/** The host (with port, if any) of a channel URL, for display; empty when it is not a URL. */
export function channelHost(manifestUrl: string): string {
  try {
    return new URL(manifestUrl).host;
  } catch {
    return '';
  }
}
