/**
 * Text for the reader's card (DESIGN §1): values with their qualifier ("about 12,000", "more than
 * 5,000", "10,900–12,000") and partial dates ("2024", "Nov 2024", "20 Nov 2024"). Pure; English.
 */
import type { PartialDate, Qualifier } from '../dataset/types';

/** A value to format: inclusive bounds, `null` for an open one (page figures and reports alike). */
export interface ValueLike {
  low: number | null;
  high: number | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12,000", "1.5", "-3": digits grouped by thousands, at most two decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const [int = '0', frac] = Math.abs(Math.round(n * 100) / 100)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A number with its unit: `percent` → "12%", an ISO 4217 code → "USD 1,200", none → "1,200". */
export function formatAmount(n: number, unit?: string): string {
  if (unit === 'percent') return `${formatNumber(n)}%`;
  if (unit !== undefined && unit !== '') return `${unit} ${formatNumber(n)}`;
  return formatNumber(n);
}

/**
 * A value as a reader says it: `about` → "about 12,000", `more-than` → "more than 5,000",
 * `at-least`, `up-to`, `fewer-than` likewise (using the bound that is given), `range` or unequal
 * bounds → "10,900–12,000" (en dash), an open upper bound without such a qualifier → "5,000 or
 * more". "?" when both bounds are open.
 */
export function formatValue(value: ValueLike, qualifier: Qualifier, unit?: string): string {
  const { low, high } = value;
  const amount = (n: number) => formatAmount(n, unit);
  if (low === null && high === null) return '?';
  switch (qualifier) {
    case 'more-than':
      return `more than ${amount((low ?? high)!)}`;
    case 'at-least':
      return `at least ${amount((low ?? high)!)}`;
    case 'up-to':
      return `up to ${amount((high ?? low)!)}`;
    case 'fewer-than':
      return `fewer than ${amount((high ?? low)!)}`;
    default: {
      let core: string;
      if (low !== null && high !== null) core = low === high ? amount(low) : `${amount(low)}–${amount(high)}`;
      else if (low !== null) core = `${amount(low)} or more`;
      else core = `up to ${amount(high!)}`;
      return qualifier === 'about' ? `about ${core}` : core;
    }
  }
}

/** The same string with its first letter upper-cased ("About 12,000"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2024", "Nov 2024", "20 Nov 2024"; anything else is returned as given. */
export function formatPartialDate(date: PartialDate): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (m === null) return date;
  const [, year, month, day] = m;
  const name = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (name === undefined) return year!;
  if (day === undefined) return `${name} ${year}`;
  return `${Number(day)} ${name} ${year}`;
}

/** A role's dates: "Oct 2024 – Jan 2025", "since Oct 2024", "until 2024", or "" when neither. */
export function formatDateRange(from?: PartialDate, to?: PartialDate): string {
  if (from !== undefined && to !== undefined) return `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  if (from !== undefined) return `since ${formatPartialDate(from)}`;
  if (to !== undefined) return `until ${formatPartialDate(to)}`;
  return '';
}

/** "1 report" / "74 reports". */
export function countReports(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'report' : 'reports'}`;
}

/** True when `url` parses as an absolute `https:` URL (the only links a card renders). */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The host name of an https URL without a leading `www.` ("politico.eu"), or "" if unparsable. */
export function linkHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
