import { describe, expect, it } from 'vitest';
import { utcToZonedWallTime, zonedWallTimeToUtc } from './zoned-time.js';

describe('scheduling in the site time zone', () => {
  it('reads a Kyiv winter time as two hours ahead of UTC', () => {
    expect(zonedWallTimeToUtc('2026-12-01T08:30', 'Europe/Kyiv')?.toISOString()).toBe(
      '2026-12-01T06:30:00.000Z',
    );
  });

  it('reads a Kyiv summer time as three hours ahead of UTC', () => {
    expect(zonedWallTimeToUtc('2026-07-01T08:30', 'Europe/Kyiv')?.toISOString()).toBe(
      '2026-07-01T05:30:00.000Z',
    );
  });

  it('finds the right instant on the day the clocks go forward', () => {
    // Kyiv moves from +02:00 to +03:00 at 03:00 local on 29 March 2026.
    expect(zonedWallTimeToUtc('2026-03-29T10:00', 'Europe/Kyiv')?.toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('shows a stored instant as the wall time it was typed as', () => {
    const instant = new Date('2026-12-01T06:30:00.000Z');
    expect(utcToZonedWallTime(instant, 'Europe/Kyiv')).toBe('2026-12-01T08:30');
    expect(utcToZonedWallTime(instant, 'America/New_York')).toBe('2026-12-01T01:30');
  });

  it('refuses text that is not a date and time', () => {
    expect(zonedWallTimeToUtc('tomorrow', 'UTC')).toBeNull();
  });
});
