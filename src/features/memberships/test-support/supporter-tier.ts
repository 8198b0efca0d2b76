import type { TestApp } from '../../../../test/support/test-app.js';
import { systemActor } from '../../staff/actor.js';
import type { Tier } from '../tier.js';
import type { TierInput } from '../tier.service.js';

/** €5.00 a month, chosen amount not allowed: the price most revenue tests join at. */
export const monthlyFiveEuros = {
  interval: 'month',
  currency: 'eur',
  amount: 500,
  payWhatYouWant: false,
} as const;

/**
 * The active tier named Supporter (slug `supporter`, first on `/membership`), with no
 * benefits and one monthly €5.00 price unless the test gives its own.
 */
export function createSupporterTier(
  t: TestApp,
  own: Partial<Pick<TierInput, 'benefits' | 'prices'>> = {},
): Promise<Tier> {
  return t.services.tiers.createTier(systemActor, {
    name: 'Supporter',
    slug: 'supporter',
    benefits: own.benefits ?? '',
    position: 0,
    active: true,
    prices: own.prices ?? [monthlyFiveEuros],
  });
}
