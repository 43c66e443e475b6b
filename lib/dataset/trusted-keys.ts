/**
 * Public keys the extension and `dataset verify` trust for releases (DESIGN §4, §8): base64 of
 * raw 32-byte Ed25519 keys. Several may be listed at once while keys rotate: add the new key,
 * ship an extension update, start signing with it, and remove the old key one release later.
 */

/**
 * The project's pinned release keys. The private halves are held by the maintainers outside
 * the repository; development and end-to-end builds add throwaway keys at build time through
 * `CROSSCHECK_TRUSTED_KEYS` instead of touching this list.
 */
export const PINNED_KEYS: readonly string[] = [
  // release-2026, key id 2b8895ecd16f51a4
  'SMCt5bMoDB3fO13fEyxVpzLhCk5QJOjcssqRjR5oYIU=',
];
