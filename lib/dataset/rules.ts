/**
 * Field-level rules shared by the source schema, the compiled schema and the semantic checks, so
 * that a maintainer's `check` and the extension's validation of a downloaded release agree.
 */

/** kebab-case ids: lower-case ASCII letters and digits in words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (shape only; see {@link isCalendarDate}). */
export const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** ISO 3166-1 alpha-2 code in lower case. */
export const COUNTRY_CODE = /^[a-z]{2}$/;

/** A BCP 47 language tag, loosely: primary subtag then optional subtags (`en`, `pt-BR`, `zh-Hant`). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * C0 controls except line feed, DEL, C1 controls, and the bidi embedding/override/isolate/mark
 * characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they can make a card display
 * something other than what the file says, so they are refused in every string.
 */
export const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Line breaks: line feed, carriage return, and the Unicode line and paragraph separators. */
export const LINE_BREAK = /[\n\r\u2028\u2029]/u;

/** Regular-expression metacharacters that must never appear in a quantity cue (DESIGN §4). */
export const CUE_METACHARACTER = /[\\^$*+?()[\]{}|]/;

/**
 * Whether a `PARTIAL_DATE`-shaped string names a real calendar date at its precision.
 * `2024-02-29` is; `2024-02-30`, `2024-13` and `2023-02-29` are not. Returns false for any other
 * shape.
 */
export function isCalendarDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

/**
 * Whether `value` is an absolute `https:` URL with a host and no embedded credentials.
 * Anything else (http, javascript:, relative paths) is refused: cards link to it.
 */
export function isHttpsUrl(value: string): boolean {
  if (!value.startsWith('https://')) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Normalises an alias for collision checks the way the matcher compares text (DESIGN §6):
 * NFKC, case-folded, hyphens, apostrophes and runs of spaces unified.
 */
export function aliasKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/g, ' ')
    .replace(/[\u2018\u2019\u02bc'`]/g, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The first day a partial date covers, as `YYYY-MM-DD` (for ordering and "in the future" checks). */
export function partialDateStart(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}
