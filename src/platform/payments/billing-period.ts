import type { BillingInterval } from './payment-event.js';

/**
 * `months` calendar months after `from`, in UTC; a day the month lacks becomes its last
 * day (31 January + 1 month = 28 or 29 February), as card schemes and Stripe count.
 */
export function addMonths(from: Date, months: number): Date {
  const date = new Date(from.getTime());
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date;
}

/** The end of one billing period that starts at `from`. */
export function addInterval(from: Date, interval: BillingInterval): Date {
  return addMonths(from, interval === 'year' ? 12 : 1);
}
