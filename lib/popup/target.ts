/**
 * Which tab the popup is about, and which site. Pure: the popup's entrypoint asks the browser.
 */

/**
 * The tab id in a popup URL's query (`popup.html?tab=<id>`), or `null` when there is none or it is
 * not a non-negative integer. Only then does the popup target another tab than the active one
 * (popup.html opened in a tab, e.g. by the end-to-end tests).
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The site the switch is about: the lower-case host name of an `http:` or `https:` URL (as the
 * browser reports the tab's URL), or `null` for any other URL or none (browser pages, the store,
 * files, a tab whose URL the extension may not read).
 */
export function siteOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname === '' ? null : parsed.hostname.toLowerCase();
}
