/**
 * Public keys the extension and `dataset verify` trust for releases (DESIGN §4, §8): base64 of
 * raw 32-byte Ed25519 keys. Several may be listed at once while keys rotate.
 */

/**
 * The project's pinned release keys. Empty on purpose until the lead generates the project key
 * (`npm run dataset -- keygen --out <file>`) and pins its public key line here; the private key
 * never enters the repository.
 */
export const PINNED_KEYS: readonly string[] = [];
