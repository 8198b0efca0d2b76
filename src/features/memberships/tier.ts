import type { BillingInterval } from '../../platform/payments/payment-event.js';

/** One way to pay for a tier: an interval and currency, and the amount (or the least). */
export interface Price {
  readonly id: string;
  readonly interval: BillingInterval;
  readonly currency: string;
  readonly amount: number;
  /** The reader chooses any amount of at least `amount`. */
  readonly payWhatYouWant: boolean;
}

/** A level of membership readers choose on `/membership`. */
export interface Tier {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  /** One benefit a line. */
  readonly benefits: readonly string[];
  readonly position: number;
  readonly active: boolean;
  readonly prices: readonly Price[];
}

/** Months a gift can run. */
export const giftMonths = [1, 3, 6, 12] as const;

export const currencyPattern = /^[a-z]{3}$/;

/** Amounts readers and staff see: `€5.00`, `$12.50`, in the site's locale. */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
    }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** A reader's typed amount ("5", "12.50", "12,5") in minor units; null when not an amount. */
export function parseAmount(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
