import { describe, expect, it } from 'vitest';
import { checkNewsletterForm, toSlug } from './newsletter-checks.js';

const good = {
  name: 'The Morning Ledger',
  slug: 'morning-ledger',
  description: '',
  senderName: '',
  senderEmail: '',
  cadence: 'Every weekday',
  briefing: true,
};

describe('the newsletter form’s checks', () => {
  it('accepts a named newsletter with a good slug and no sender address', () => {
    expect(checkNewsletterForm(good)).toEqual({});
  });

  it('says what to fix in each field that is wrong', () => {
    expect(
      checkNewsletterForm({ ...good, name: ' ', slug: 'Morning Ledger', senderEmail: 'desk' }),
    ).toEqual({
      name: 'Give the newsletter a name.',
      slug: 'Use lower-case letters, digits and single hyphens, such as "daily-briefing".',
      senderEmail: 'Enter an e-mail address such as letters@news.example, or leave it empty.',
    });
  });

  it('makes a slug from a name', () => {
    expect(toSlug('  Letter from the Quay! ')).toBe('letter-from-the-quay');
  });
});
