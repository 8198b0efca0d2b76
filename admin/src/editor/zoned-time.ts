/**
 * Wall-clock times in the site's time zone (what an editor types into a date-time field)
 * and the UTC instants the server stores, both ways, with the browser's time-zone data.
 */

function offsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** `2026-12-01T08:30` in `Europe/Kyiv` → the instant, or null when the text is not a time. */
export function zonedWallTimeToUtc(wall: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Twice: the offset at the guess can differ from the offset at the answer near a DST change.
  const first = guess - offsetMs(guess, timeZone);
  return new Date(guess - offsetMs(first, timeZone));
}

/** The instant as `YYYY-MM-DDTHH:mm` on the site's clocks, for a date-time field. */
export function utcToZonedWallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** The instant as people in the site's time zone read it, e.g. "1 Dec 2026, 08:30". */
export function formatInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}
