import { systemActor } from '../../features/staff/actor.js';
import { addInterval } from '../../platform/payments/billing-period.js';
import type { PaymentEvent } from '../../platform/payments/payment-event.js';
import type { Services } from '../services.js';

const dayMs = 24 * 60 * 60 * 1000;
const firstNames = [
  'Mariia',
  'Jonas',
  'Aiko',
  'Pavlo',
  'Greta',
  'Luis',
  'Sana',
  'Oskar',
  'Dina',
  'Emil',
];
const lastNames = ['Koval', 'Berg', 'Tanaka', 'Shevchuk', 'Lund', 'Ortega', 'Malik', 'Holm'];

/** A small deterministic sequence, so every demo install has the same curves. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Reader revenue for the demo: two tiers, and four months of members, gifts and donations
 * paid on the test provider. History is made of the same provider events a live checkout
 * records, dated in the past, and applied by the same processing; only the payment dates
 * of gifts and donations are set back afterwards, as processing stamps them "now". The
 * members still paying are handed to the test provider, which renews them as time goes on.
 */
export async function seedDemoRevenue(services: Services): Promise<void> {
  const { tiers, checkouts, paymentInbox, paymentProcessor, database } = services;
  const testPayments = services.payments.testPayments;
  if (testPayments === null) return;
  const supporter = await tiers.createTier(systemActor, {
    name: 'Supporter',
    slug: 'supporter',
    benefits:
      'Every article in full\nThe editor’s letter each Friday\nOur thanks in the annual report',
    position: 0,
    active: true,
    prices: [
      { interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: true },
      { interval: 'year', currency: 'eur', amount: 5000, payWhatYouWant: false },
      { interval: 'month', currency: 'usd', amount: 600, payWhatYouWant: true },
    ],
  });
  await tiers.createTier(systemActor, {
    name: 'Patron',
    slug: 'patron',
    benefits: 'Everything Supporters get\nA seat at the quarterly newsroom briefing',
    position: 1,
    active: true,
    prices: [
      { interval: 'month', currency: 'eur', amount: 1500, payWhatYouWant: false },
      { interval: 'year', currency: 'eur', amount: 15000, payWhatYouWant: false },
    ],
  });
  const prices = supporter.prices.filter((price) => price.currency === 'eur');
  const now = services.clock.now().getTime();
  const random = sequence(11);
  const record = async (events: PaymentEvent[]) => {
    await paymentInbox.record(events);
    for (const event of events) await paymentProcessor.processEvent(`test:${event.id}`);
  };

  for (let i = 0; i < 48; i += 1) {
    const started = new Date(now - Math.floor(random() * 120) * dayMs - 3600_000);
    const price = prices[i % 5 === 0 ? 1 : 0];
    if (price === undefined) continue;
    const name = `${firstNames[i % firstNames.length] ?? ''} ${lastNames[i % lastNames.length] ?? ''}`;
    const email = `member${i + 1}@reader.example`;
    const checkout = await checkouts.startMembership(null, {
      priceId: price.id,
      amount: null,
      email,
      name,
    });
    const customerId = `tcus_demo_${i}`;
    const subscriptionId = `tsub_demo_${i}`;
    let periodEnd = addInterval(started, price.interval);
    while (periodEnd.getTime() < now) periodEnd = addInterval(periodEnd, price.interval);
    const lapsedAt =
      random() < 0.2 ? new Date(started.getTime() + (20 + random() * 40) * dayMs) : null;
    const endedAt = lapsedAt !== null && lapsedAt.getTime() < now ? lapsedAt : null;
    const at = (date: Date) => date.toISOString();
    const base = { provider: 'test' as const };
    const events: PaymentEvent[] = [
      {
        ...base,
        id: `demo_cs_${i}`,
        occurredAt: at(started),
        type: 'checkout.completed',
        sessionId: checkout.sessionId,
        reference: checkout.checkoutId,
        customerId,
        subscriptionId,
        paymentIntent: null,
        amount: price.amount,
        currency: price.currency,
        email,
      },
      {
        ...base,
        id: `demo_sub_${i}`,
        occurredAt: at(endedAt ?? started),
        type: 'subscription.changed',
        subscriptionId,
        customerId,
        reference: checkout.checkoutId,
        status: endedAt !== null ? 'canceled' : 'active',
        amount: price.amount,
        currency: price.currency,
        interval: price.interval,
        currentPeriodEnd: at(endedAt ?? periodEnd),
        cancelAtPeriodEnd: false,
        endedAt: endedAt === null ? null : at(endedAt),
        endReason: endedAt === null ? null : 'requested',
      },
      {
        ...base,
        id: `demo_in_${i}`,
        occurredAt: at(started),
        type: 'invoice.paid',
        invoiceId: `tin_demo_${i}`,
        subscriptionId,
        customerId,
        paymentIntent: `tpi_demo_${i}`,
        amount: price.amount,
        currency: price.currency,
        periodEnd: at(addInterval(started, price.interval)),
      },
    ];
    await record(events);
    // The test provider renews it from now on, as it does any subscription it started.
    if (endedAt === null) {
      await testPayments.adopt({
        id: subscriptionId,
        customerId,
        reference: checkout.checkoutId,
        amount: price.amount,
        currency: price.currency,
        interval: price.interval,
        currentPeriodEnd: periodEnd,
        createdAt: started,
      });
    }
  }

  for (let i = 0; i < 14; i += 1) {
    const paidAt = new Date(now - Math.floor(random() * 110) * dayMs - 7200_000);
    const months = [1, 3, 6, 12][i % 4] ?? 3;
    const checkout = await checkouts.startGift(null, {
      months,
      currency: 'eur',
      buyerEmail: `giver${i + 1}@reader.example`,
      buyerName: firstNames[(i + 3) % firstNames.length] ?? '',
      recipientName: firstNames[(i + 5) % firstNames.length] ?? 'Friend',
      recipientEmail: `gifted${i + 1}@reader.example`,
      message: 'With love, for the long winter evenings.',
      deliverOn: '',
    });
    await record([
      {
        provider: 'test',
        id: `demo_gift_${i}`,
        occurredAt: paidAt.toISOString(),
        type: 'checkout.completed',
        sessionId: checkout.sessionId,
        reference: checkout.checkoutId,
        customerId: `tcus_demo_gift_${i}`,
        subscriptionId: null,
        paymentIntent: `tpi_demo_gift_${i}`,
        amount: 500 * months,
        currency: 'eur',
        email: `giver${i + 1}@reader.example`,
      },
    ]);
    const redeemedAt = i % 3 === 0 ? null : new Date(paidAt.getTime() + 2 * dayMs);
    await database.db
      .updateTable('gifts')
      .set({
        paid_at: paidAt.toISOString(),
        deliver_at: paidAt.toISOString(),
        expires_at: new Date(paidAt.getTime() + 365 * dayMs).toISOString(),
        ...(redeemedAt === null || redeemedAt.getTime() > now
          ? {}
          : {
              status: 'redeemed',
              delivered_at: paidAt.toISOString(),
              redeemed_at: redeemedAt.toISOString(),
            }),
      })
      .where('checkout_id', '=', checkout.checkoutId)
      .execute();
  }

  for (let i = 0; i < 30; i += 1) {
    const paidAt = new Date(now - Math.floor(random() * 120) * dayMs - 5400_000);
    const amount = [500, 1000, 2500, 5000][Math.floor(random() * 4)] ?? 1000;
    const checkout = await checkouts.startDonation(null, {
      amount,
      currency: 'eur',
      email: `donor${i + 1}@reader.example`,
      name: '',
      note: i % 4 === 0 ? 'Keep up the harbour reporting.' : '',
    });
    await record([
      {
        provider: 'test',
        id: `demo_don_${i}`,
        occurredAt: paidAt.toISOString(),
        type: 'checkout.completed',
        sessionId: checkout.sessionId,
        reference: checkout.checkoutId,
        customerId: `tcus_demo_don_${i}`,
        subscriptionId: null,
        paymentIntent: `tpi_demo_don_${i}`,
        amount,
        currency: 'eur',
        email: `donor${i + 1}@reader.example`,
      },
    ]);
    await database.db
      .updateTable('donations')
      .set({ paid_at: paidAt.toISOString() })
      .where('checkout_id', '=', checkout.checkoutId)
      .execute();
  }
}
