import { toTimeOfDay, type DisplayTime } from '../format-date.js';
import { byMinute, type MinuteFormat } from '../minute-format.js';

/** A calendar day in the site's time zone: `key` sorts (2026-11-20), `text` is for readers. */
export interface FeedDay {
  readonly key: string;
  readonly text: string;
}

const formatters = new Map<string, MinuteFormat>();

function formatter(locale: string, timeZone: string, style: 'key' | 'day' | 'short'): MinuteFormat {
  const id = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(id);
  if (found === undefined) {
    found = byMinute(
      style === 'key'
        ? new Intl.DateTimeFormat('en-CA', {
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            timeZone,
          })
        : style === 'day'
          ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone })
          : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }),
    );
    formatters.set(id, found);
  }
  return found;
}

/** The day a moment falls on in the site's time zone, e.g. "Friday, 20 November 2026". */
export function toFeedDay(date: Date, locale: string, timeZone: string): FeedDay {
  return {
    key: formatter(locale, timeZone, 'key').format(date),
    text: formatter(locale, timeZone, 'day').format(date),
  };
}

/**
 * A time beside another: the time of day when both fall on the same day, with the date in
 * front when they do not ("21 Nov, 9:41"). The "Updated" stamp is an edit beside its
 * publishing; a widget line is an entry beside now.
 */
export function toUpdatedTime(
  editedAt: Date,
  publishedAt: Date,
  locale: string,
  timeZone: string,
): DisplayTime {
  const time = toTimeOfDay(editedAt, locale, timeZone);
  const sameDay =
    toFeedDay(editedAt, locale, timeZone).key === toFeedDay(publishedAt, locale, timeZone).key;
  if (sameDay) return time;
  return {
    iso: time.iso,
    text: `${formatter(locale, timeZone, 'short').format(editedAt)}, ${time.text}`,
  };
}
