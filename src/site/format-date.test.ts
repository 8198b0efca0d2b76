import { describe, expect, it } from 'vitest';
import { toDisplayTime } from './format-date.js';

describe('reader-facing dates', () => {
  it('shows the time in the site time zone while keeping the UTC instant for machines', () => {
    const shown = toDisplayTime(new Date('2026-11-29T07:41:00Z'), 'en-GB', 'Europe/Kyiv');
    expect(shown.iso).toBe('2026-11-29T07:41:00.000Z');
    expect(shown.text).toContain('29 November 2026');
    expect(shown.text).toContain('09:41');
  });
});
