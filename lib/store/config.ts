/**
 * The build-time settings compiled into this build of the extension (DESIGN §5).
 * `wxt.config.ts` validates them and defines `__CROSSCHECK_BUILD_SETTINGS__`; code that runs
 * without that define (unit tests) sees an empty channel and no extra keys.
 */
import type { BuildSettings } from './build-settings';

declare const __CROSSCHECK_BUILD_SETTINGS__: BuildSettings | undefined;

/** This build's settings: the default update channel URL and the extra trusted public keys. */
export const buildSettings: BuildSettings =
  typeof __CROSSCHECK_BUILD_SETTINGS__ === 'undefined'
    ? { updateUrl: '', trustedKeys: [] }
    : __CROSSCHECK_BUILD_SETTINGS__;
