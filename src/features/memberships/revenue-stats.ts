import type { DonationRow, GiftRow, SubscriptionRow } from './memberships.table.js';

/** One day of the revenue dashboard (UTC days). */
export interface RevenueDay {
  readonly date: string;
  readonly newMembers: number;
  readonly lapsedMembers: number;
  readonly giftsSold: number;
  readonly giftsRedeemed: number;
  readonly donations: number;
  /** Donation amounts by currency, minor units. */
  readonly donated: Readonly<Record<string, number>>;
}

export interface RevenueSummary {
  readonly activePayingMembers: number;
  /** Monthly recurring revenue by currency, minor units: yearly prices count a twelfth. */
  readonly mrr: Readonly<Record<string, number>>;
  readonly days: readonly RevenueDay[];
}

const dayOf = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 10));

/**
 * The dashboard's figures from rows: pure, so it is tested without a database. A
 * subscription counts as new on the day it started and as lapsed on the day it ended;
 * MRR counts subscriptions that are active and not ending.
 */
export function toRevenueSummary(input: {
  readonly now: Date;
  readonly days: number;
  readonly activePayingMembers: number;
  readonly subscriptions: readonly SubscriptionRow[];
  readonly gifts: readonly GiftRow[];
  readonly donations: readonly DonationRow[];
}): RevenueSummary {
  const dates: string[] = [];
  for (let i = input.days - 1; i >= 0; i -= 1) {
    dates.push(new Date(input.now.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  }
  const blank = () => ({
    newMembers: 0,
    lapsedMembers: 0,
    giftsSold: 0,
    giftsRedeemed: 0,
    donations: 0,
    donated: {} as Record<string, number>,
  });
  const byDate = new Map(dates.map((date) => [date, blank()]));
  const mrr: Record<string, number> = {};
  for (const row of input.subscriptions) {
    const started = byDate.get(dayOf(row.started_at) ?? '');
    if (started !== undefined) started.newMembers += 1;
    const ended = byDate.get(dayOf(row.ended_at) ?? '');
    if (ended !== undefined) ended.lapsedMembers += 1;
    const live =
      (row.status === 'active' || row.status === 'past_due') && row.cancel_at_period_end === 0;
    if (live && row.ended_at === null) {
      const monthly = row.interval === 'year' ? Math.round(row.amount / 12) : row.amount;
      mrr[row.currency] = (mrr[row.currency] ?? 0) + monthly;
    }
  }
  for (const gift of input.gifts) {
    const sold = byDate.get(dayOf(gift.paid_at) ?? '');
    if (sold !== undefined) sold.giftsSold += 1;
    const redeemed = byDate.get(dayOf(gift.redeemed_at) ?? '');
    if (redeemed !== undefined) redeemed.giftsRedeemed += 1;
  }
  for (const donation of input.donations) {
    if (donation.status === 'awaiting-payment') continue;
    const day = byDate.get(dayOf(donation.paid_at) ?? '');
    if (day === undefined) continue;
    day.donations += 1;
    day.donated[donation.currency] = (day.donated[donation.currency] ?? 0) + donation.amount;
  }
  return {
    activePayingMembers: input.activePayingMembers,
    mrr,
    days: dates.map((date) => ({ date, ...(byDate.get(date) ?? blank()) })),
  };
}

/** The daily figures as CSV, one row a day. */
export function toRevenueCsv(summary: RevenueSummary): string {
  const currencies = [...new Set(summary.days.flatMap((day) => Object.keys(day.donated)))].sort();
  const header = [
    'date',
    'new_members',
    'lapsed_members',
    'gifts_sold',
    'gifts_redeemed',
    'donations',
    ...currencies.map((c) => `donated_${c}`),
  ];
  const lines = summary.days.map((day) =>
    [
      day.date,
      day.newMembers,
      day.lapsedMembers,
      day.giftsSold,
      day.giftsRedeemed,
      day.donations,
      ...currencies.map((c) => ((day.donated[c] ?? 0) / 100).toFixed(2)),
    ].join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
