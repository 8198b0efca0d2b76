import { byMinute, type MinuteFormat } from './minute-format.js';

/** A moment as readers see it: machine-readable and in the site's time zone. */
export interface DisplayTime {
  readonly iso: string;
  readonly text: string;
}

const formatters = new Map<string, MinuteFormat>();

function formatter(locale: string, timeZone: string, style: 'long' | 'time'): MinuteFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = byMinute(
      new Intl.DateTimeFormat(
        locale,
        style === 'long'
          ? { dateStyle: 'long', timeStyle: 'short', timeZone }
          : { hour: 'numeric', minute: '2-digit', timeZone },
      ),
    );
    formatters.set(key, found);
  }
  return found;
}

/** "29 November 2026 at 09:41" in the site's zone, with the UTC instant for `datetime`. */
export function toDisplayTime(date: Date, locale: string, timeZone: string): DisplayTime {
  return { iso: date.toISOString(), text: formatter(locale, timeZone, 'long').format(date) };
}

/** "9:41 am": the time of day alone, for stamps. */
export function toTimeOfDay(date: Date, locale: string, timeZone: string): DisplayTime {
  return { iso: date.toISOString(), text: formatter(locale, timeZone, 'time').format(date) };
}
