/**
 * The newsroom's local calendar, from an IANA time zone and `Intl` alone: which local day
 * an instant falls on, and the instant a local wall-clock time happens. Days are
 * `YYYY-MM-DD` strings; a local day may last 23 or 25 hours around a DST change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockOf(at: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const p = wallClockOf(at, timeZone);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The local day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function toLocalDay(at: Date, timeZone: string): string {
  const p = wallClockOf(at.getTime(), timeZone);
  const pad = (n: number | undefined, width: number) => String(n ?? 0).padStart(width, '0');
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** The day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The instant a local day reaches `hour` o'clock. A time the clocks skip (spring forward)
 * is taken as the same distance past the change, as a wall clock that was not moved would
 * show; a time that happens twice (fall back) is its first occurrence.
 */
export function toLocalInstant(day: string, hour: number, timeZone: string): Date {
  const naive = new Date(`${day}T00:00:00.000Z`).getTime() + hour * 3600_000;
  const before = offsetAt(naive - 86_400_000, timeZone);
  const after = offsetAt(naive + 86_400_000, timeZone);
  // Try the offset in force before a change first, so a repeated hour resolves to the first.
  for (const offset of [before, after]) {
    const candidate = naive - offset;
    if (offsetAt(candidate, timeZone) === offset) return new Date(candidate);
  }
  // In a skipped hour neither offset fits: the earlier offset lands past the change.
  return new Date(naive - before);
}
