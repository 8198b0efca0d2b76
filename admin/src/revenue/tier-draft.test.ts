import { describe, expect, it } from 'vitest';
import {
  decideTierBody,
  newTierDraft,
  toDraftProblems,
  toSlug,
  toTierDraft,
  type TierDraft,
} from './tier-draft.js';

const supporter = (): TierDraft => {
  const draft = newTierDraft(0);
  const [row] = draft.currencies;
  if (row === undefined) throw new Error('A new tier starts with one currency.');
  return {
    ...draft,
    name: 'Supporter',
    slug: 'supporter',
    benefits: 'Every article in full\n\n  A weekly letter  ',
    currencies: [{ ...row, monthly: '5', yearly: '50,00' }],
  };
};

describe('the tier form', () => {
  it('turns what staff typed into the API body: amounts in cents, one price per interval', () => {
    const decided = decideTierBody(supporter());
    expect(decided).toMatchObject({
      body: {
        name: 'Supporter',
        slug: 'supporter',
        benefits: ['Every article in full', 'A weekly letter'],
        position: 0,
        active: true,
        prices: [
          { interval: 'month', currency: 'eur', amount: 500, pay_what_you_want: false },
          { interval: 'year', currency: 'eur', amount: 5000, pay_what_you_want: false },
        ],
      },
    });
  });

  it('says what is wrong by each field', () => {
    const draft = supporter();
    const [row] = draft.currencies;
    if (row === undefined) throw new Error('missing row');
    const decided = decideTierBody({
      ...draft,
      name: ' ',
      slug: 'Not A Slug',
      position: 'first',
      currencies: [{ ...row, currency: 'euro', monthly: 'five', yearly: '0.10' }],
    });
    expect(decided).toEqual({
      problems: {
        name: 'Enter a name readers will see, such as Supporter.',
        slug: 'Use lower-case letters, digits and hyphens, such as supporter.',
        position: 'Enter a whole number from 0; lower numbers come first.',
        [`currencies.${row.key}.currency`]: 'Enter a three-letter currency code, such as EUR.',
        [`currencies.${row.key}.monthly`]: 'Enter an amount such as 5.00.',
        [`currencies.${row.key}.yearly`]: 'Use an amount of at least 0.50.',
      },
    });
  });

  it('refuses a currency without any amount, and the same currency twice', () => {
    const draft = supporter();
    const [row] = draft.currencies;
    if (row === undefined) throw new Error('missing row');
    const empty = { ...row, key: 'other', monthly: '', yearly: '' };
    const decided = decideTierBody({ ...draft, currencies: [row, empty] });
    expect(decided).toEqual({
      problems: {
        'currencies.other.currency': 'This currency is listed twice; keep one row per currency.',
        'currencies.other.monthly': 'Enter a monthly or a yearly amount, or remove this currency.',
      },
    });
  });

  it('groups a saved tier’s prices by currency, and puts server problems by the field they came from', () => {
    const draft = toTierDraft({
      id: 't1',
      slug: 'friend',
      name: 'Friend',
      benefits: ['All articles'],
      position: 2,
      active: false,
      prices: [
        { id: 'p1', interval: 'month', currency: 'usd', amount: 700, pay_what_you_want: true },
        { id: 'p2', interval: 'year', currency: 'usd', amount: 7000, pay_what_you_want: true },
      ],
    });
    expect(draft).toMatchObject({
      benefits: 'All articles',
      position: '2',
      active: false,
      currencies: [{ currency: 'usd', monthly: '7.00', yearly: '70.00', payWhatYouWant: true }],
    });
    const decided = decideTierBody(draft);
    if (!('body' in decided)) throw new Error('A saved tier is valid.');
    const key = draft.currencies[0]?.key ?? '';
    expect(
      toDraftProblems(
        [
          { field: 'prices.1.amount', message: 'use an amount of at least 0.50' },
          { field: 'slug', message: 'another tier has this slug' },
        ],
        decided.origins,
      ),
    ).toEqual({
      [`currencies.${key}.yearly`]: 'Use an amount of at least 0.50.',
      slug: 'Another tier has this slug.',
    });
  });

  it('makes a slug from a name', () => {
    expect(toSlug('Supporter Plus — Année')).toBe('supporter-plus-annee');
  });
});
