import { describe, expect, it } from 'vitest';
import { checkNewsletterForm, toSlug } from './newsletter-checks.js';

const good = {
  name: 'The Morning Ledger',
  slug: 'morning-ledger',
  description: '',
  authorName: '',
  senderName: '',
  senderEmail: '',
  replyTo: '',
  cadence: 'Every weekday',
  audience: 'everyone' as const,
  active: true,
  sortOrder: '0',
  briefing: true,
};

describe('the newsletter form’s checks', () => {
  it('accepts a named newsletter with a good slug and no sender address', () => {
    expect(checkNewsletterForm(good)).toEqual({});
  });

  it('says what to fix in each field that is wrong', () => {
    expect(
      checkNewsletterForm({
        ...good,
        name: ' ',
        slug: 'Morning Ledger',
        senderEmail: 'desk',
        replyTo: 'editor at news',
        sortOrder: 'first',
      }),
    ).toEqual({
      name: 'Give the newsletter a name.',
      slug: 'Use lower-case letters, digits and single hyphens, such as "daily-briefing".',
      senderEmail: 'Enter an e-mail address such as letters@news.example, or leave it empty.',
      replyTo: 'Enter an e-mail address such as editor@news.example, or leave it empty.',
      sortOrder: 'Enter a whole number from 0 to 10,000; lower numbers come first.',
    });
  });

  it('accepts a reply-to address, a byline and a place in the list', () => {
    expect(
      checkNewsletterForm({
        ...good,
        replyTo: 'maren@news.example',
        authorName: 'Maren Holloway',
        sortOrder: ' 20 ',
      }),
    ).toEqual({});
  });

  it('refuses an order past 10,000 and a negative one', () => {
    expect(checkNewsletterForm({ ...good, sortOrder: '10001' })).toHaveProperty('sortOrder');
    expect(checkNewsletterForm({ ...good, sortOrder: '-1' })).toHaveProperty('sortOrder');
  });

  it('makes a slug from a name', () => {
    expect(toSlug('  Letter from the Quay! ')).toBe('letter-from-the-quay');
  });
});
