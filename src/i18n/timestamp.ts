// Date#toLocaleString's fields, through one formatter per locale, in a module of its own so the payment slice's
// reminder can use it without the widget catalogs of i18n/index. The page's first date format costs tens of ms
// (ICU's pattern data), so the result step makes it once, ahead of the result (prepareTimestampFormat).
import type { Locale } from '../core/types';

const TIMESTAMP: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' };
const timestampFormats = new Map<Locale, Intl.DateTimeFormat>();

function timestampFormat(locale: Locale): Intl.DateTimeFormat {
  let format = timestampFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, TIMESTAMP);
    timestampFormats.set(locale, format);
  }
  return format;
}

/** A moment as `Date#toLocaleString(locale)` writes it (the result's time, a lock's end). */
export function formatTimestamp(locale: Locale, at: Date): string {
  return timestampFormat(locale).format(at);
}

/** Builds the timestamp formatter ahead of its first use (called while the main thread is idle). */
export function prepareTimestampFormat(locale: Locale): void {
  timestampFormat(locale).format(0);
}
