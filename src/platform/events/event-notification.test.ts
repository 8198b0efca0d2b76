import { describe, expect, it } from 'vitest';
import {
  largestNotificationBytes,
  parseNotificationText,
  toNotificationText,
} from './event-notification.js';

describe('event notification text', () => {
  it('carries the sender, the name and the payload, and reads back the same', () => {
    const text = toNotificationText('process-a', 'post.changed', { postId: 'p1', isLive: true });

    expect(parseNotificationText(text)).toEqual({
      origin: 'process-a',
      name: 'post.changed',
      truncated: false,
      payload: { postId: 'p1', isLive: true },
    });
  });

  it('sends only the name, flagged truncated, when the payload would not fit in a NOTIFY', () => {
    const text = toNotificationText('process-a', 'post.changed', { body: 'é'.repeat(4_000) });

    expect(Buffer.byteLength(text)).toBeLessThan(largestNotificationBytes);
    expect(parseNotificationText(text)).toEqual({
      origin: 'process-a',
      name: 'post.changed',
      truncated: true,
    });
  });

  it('keeps a payload that just fits', () => {
    const overhead = toNotificationText('a', 'n', { s: '' }).length;
    const text = toNotificationText('a', 'n', {
      s: 'x'.repeat(largestNotificationBytes - overhead),
    });

    expect(Buffer.byteLength(text)).toBe(largestNotificationBytes);
    expect(parseNotificationText(text)).toMatchObject({ truncated: false });
  });

  it('rejects text that is not a notification from Masthead', () => {
    for (const text of [
      'not json',
      '[]',
      '{"name":"x","payload":1}',
      '{"origin":"a","name":"x"}',
    ]) {
      expect(parseNotificationText(text)).toBeUndefined();
    }
  });
});
