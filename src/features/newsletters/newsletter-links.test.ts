import { describe, expect, it } from 'vitest';
import { createNewsletterLinks } from './newsletter-links.js';

const links = createNewsletterLinks('a key for tests');
const id = '5a1c3b9e-2f7d-4c1a-9f3e-1d2c3b4a5e6f';

describe('signed newsletter links', () => {
  it('open the preference centre of the subscriber they were made for', () => {
    expect(links.readPreferences(links.preferences(id))).toBe(id);
  });

  it('refuse a link whose subscriber was changed or whose signature was cut', () => {
    const token = links.preferences(id);
    expect(links.readPreferences(token.replace('5a1c', '5a1d'))).toBeNull();
    expect(links.readPreferences(token.slice(0, -1))).toBeNull();
    expect(links.readPreferences('')).toBeNull();
  });

  it('tell an unsubscribe link for one newsletter from one for all', () => {
    expect(links.readUnsubscribe(links.unsubscribe(id, 'n-1'))).toEqual({
      subscriberId: id,
      newsletterId: 'n-1',
    });
    expect(links.readUnsubscribe(links.unsubscribe(id, null))).toEqual({
      subscriberId: id,
      newsletterId: null,
    });
  });

  it('do not let a preference link pass as an unsubscribe link, or the other way', () => {
    expect(links.readUnsubscribe(links.preferences(id))).toBeNull();
    expect(links.readPreferences(links.unsubscribe(id, null))).toBeNull();
  });

  it('are refused under another key', () => {
    const other = createNewsletterLinks('another key');
    expect(other.readPreferences(links.preferences(id))).toBeNull();
  });
});
