import { describe, expect, it } from 'vitest';
import { toFeedDay, toUpdatedTime } from './feed-time.js';

describe('news feed times', () => {
  it('puts a late-evening UTC entry on the next day when the site is in Kyiv', () => {
    const day = toFeedDay(new Date('2026-11-20T22:30:00Z'), 'en-GB', 'Europe/Kyiv');
    expect(day).toEqual({ key: '2026-11-21', text: 'Saturday, 21 November 2026' });
  });

  it('stamps an edit made the same day with its time of day in the site zone', () => {
    const updated = toUpdatedTime(
      new Date('2026-11-20T09:41:00Z'),
      new Date('2026-11-20T09:00:00Z'),
      'en-US',
      'America/New_York',
    );
    expect(updated.iso).toBe('2026-11-20T09:41:00.000Z');
    expect(updated.text).toMatch(/^4:41\sAM$/);
  });

  it('adds the date to the stamp of an edit made on a later day', () => {
    const updated = toUpdatedTime(
      new Date('2026-11-21T07:41:00Z'),
      new Date('2026-11-20T09:00:00Z'),
      'en-GB',
      'Europe/Kyiv',
    );
    expect(updated.text).toBe('21 Nov, 9:41');
  });
});
