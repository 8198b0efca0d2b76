import { describe, expect, it } from 'vitest';
import { parseFeedCursor, toFeedCursor } from './feed-cursor.js';

describe('feed cursor', () => {
  it('reads back the position it was made from', () => {
    const cursor = toFeedCursor({
      publishedAt: new Date('2026-11-20T09:00:00.000Z'),
      id: '0b9c6f1e-58f3-4a57-9d0e-3f0c2c7d1a11',
    });
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(parseFeedCursor(cursor)).toEqual({
      publishedAt: '2026-11-20T09:00:00.000Z',
      id: '0b9c6f1e-58f3-4a57-9d0e-3f0c2c7d1a11',
    });
  });

  it('refuses text that is not a cursor rather than guessing a page', () => {
    for (const text of ['', 'page-2', Buffer.from('yesterday|x').toString('base64url')]) {
      expect(parseFeedCursor(text)).toBeUndefined();
    }
  });
});
