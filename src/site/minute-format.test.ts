import { describe, expect, it } from 'vitest';
import { byMinute } from './minute-format.js';

const intl = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Kyiv',
});

describe('a format remembered per minute', () => {
  it('says what Intl says, for moments across days, zones’ changes and many minutes', () => {
    const format = byMinute(intl);
    // Every 7 minutes and 13 seconds over 40 days: past the memory's size, over the DST change.
    const start = Date.UTC(2026, 9, 1, 0, 0, 7);
    for (let at = start; at < start + 40 * 86_400_000; at += 433_000) {
      const date = new Date(at);
      expect(format.format(date)).toBe(intl.format(date));
    }
  });

  it('gives moments within one minute the same text and the next minute its own', () => {
    const format = byMinute(intl);
    const minute = Date.UTC(2026, 11, 1, 9, 41);
    expect(format.format(new Date(minute + 59_999))).toBe(format.format(new Date(minute)));
    expect(format.format(new Date(minute + 60_000))).not.toBe(format.format(new Date(minute)));
  });
});
