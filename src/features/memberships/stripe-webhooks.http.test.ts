import { expect, it } from 'vitest';
import { systemActor } from '../staff/actor.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';
import { stripeEvents } from '../../platform/payments/test-support/fake-stripe-api.js';
import { stripeJoinEvents } from '../../platform/payments/test-support/stripe-join-events.js';
import { signInAsMember } from '../members/test-support/member-sign-in.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { stripeSigner, useStripeTestApp } from './test-support/stripe-test-app.js';

const secret = 'whsec_test_masthead';
const dayMs = 24 * 60 * 60 * 1000;

/** A seeded shuffle, so a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describeEachEngine('Stripe: checkout, portal and signed webhooks in any order', (ctx) => {
  const site = useStripeTestApp(ctx, secret);

  async function countEvents(): Promise<number> {
    const row = await ctx.handle.db
      .selectFrom('payment_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Starts a Stripe Checkout as a reader would; returns Masthead's checkout reference. */
  async function startCheckout(email: string): Promise<string> {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: site.priceId, email },
    });
    expect(started.statusCode).toBe(303);
    expect(String(started.headers.location)).toMatch(
      /^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/,
    );
    const sent = site.api.requests.at(-1);
    expect(sent?.path).toBe('/v1/checkout/sessions');
    expect(sent?.authorization).toBe('Bearer sk_test_masthead');
    expect(sent?.form.get('mode')).toBe('subscription');
    expect(sent?.form.get('customer_email')).toBe(email);
    expect(sent?.form.get('line_items[0][price_data][unit_amount]')).toBe('800');
    expect(sent?.form.get('line_items[0][price_data][recurring][interval]')).toBe('month');
    return sent?.form.get('metadata[masthead_checkout]') ?? '';
  }

  async function memberByEmail(email: string) {
    const found = await site.t.services.members.listMembers(
      systemActor,
      { q: email },
      { page: 1, limit: 2 },
    );
    return found.members[0] ?? null;
  }

  async function subjectsTo(email: string): Promise<string[]> {
    return (await readOutbox(site.t, site.admin))
      .filter((m) => m.to === email)
      .map((m) => m.subject)
      .sort();
  }

  it('creates a Checkout Session through the SDK with the reference on it', async () => {
    const reference = await startCheckout('first@example.test');
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  });

  for (const seed of [1, 7, 42, 2026]) {
    it(`ends with the member paying until the period end after a cancellation, posted twice in shuffled order (seed ${seed})`, async () => {
      const email = `cancel-${seed}@example.test`;
      const reference = await startCheckout(email);
      const t0 = site.t.clock.now();
      const periodEnd = new Date(t0.getTime() + 30 * dayMs);
      const joined = stripeJoinEvents({
        key: `a${seed}`,
        reference,
        at: t0,
        periodEnd,
        amount: 800,
      });
      const events = [
        joined.checkout,
        joined.subscription,
        joined.invoice,
        stripeEvents.envelope(
          `evt_a4_${seed}`,
          'customer.subscription.updated',
          new Date(t0.getTime() + dayMs),
          stripeEvents.subscription({ ...joined.base, status: 'active', cancelAtPeriodEnd: true }),
        ),
      ];
      const before = await countEvents();
      for (const event of shuffled([...events, ...events], seed)) {
        expect((await site.postSigned(event)).statusCode).toBe(200);
      }
      expect(await countEvents()).toBe(before + events.length);
      await drainJobs(site.t);
      await drainJobs(site.t);
      const member = await memberByEmail(email);
      expect(member?.status).toBe('paid');
      expect(member?.statusUntil?.toISOString()).toBe(
        new Date(Math.floor(periodEnd.getTime() / 1000) * 1000).toISOString(),
      );
      expect(await subjectsTo(email)).toEqual(
        [
          'Welcome to Masthead membership',
          'Your receipt from Masthead',
          'Your Masthead membership is cancelled',
        ].sort(),
      );
    });

    it(`ends with a free member after failed payments ended the subscription, in any order (seed ${seed})`, async () => {
      const email = `lapse-${seed}@example.test`;
      const reference = await startCheckout(email);
      const t0 = site.t.clock.now();
      const periodEnd = new Date(t0.getTime() + 30 * dayMs);
      const failedAt = new Date(t0.getTime() + 30 * dayMs);
      const endedAt = new Date(t0.getTime() + 45 * dayMs);
      const joined = stripeJoinEvents({
        key: `b${seed}`,
        reference,
        at: t0,
        periodEnd,
        amount: 800,
      });
      const { base } = joined;
      const events = [
        joined.checkout,
        joined.subscription,
        joined.invoice,
        stripeEvents.envelope(
          `evt_b4_${seed}`,
          'invoice.payment_failed',
          failedAt,
          stripeEvents.invoice({
            id: `in_b2${seed}`,
            customer: base.customer,
            subscription: base.id,
            amount: 800,
            periodEnd: new Date(periodEnd.getTime() + 30 * dayMs),
            paid: false,
          }),
        ),
        stripeEvents.envelope(
          `evt_b5_${seed}`,
          'customer.subscription.updated',
          failedAt,
          stripeEvents.subscription({ ...base, status: 'past_due' }),
        ),
        stripeEvents.envelope(
          `evt_b6_${seed}`,
          'customer.subscription.deleted',
          endedAt,
          stripeEvents.subscription({
            ...base,
            status: 'canceled',
            endedAt,
            endReason: 'payment_failed',
          }),
        ),
      ];
      for (const event of shuffled([...events, ...events], seed)) {
        expect((await site.postSigned(event)).statusCode).toBe(200);
      }
      await drainJobs(site.t);
      await drainJobs(site.t);
      const member = await memberByEmail(email);
      expect(member?.status).toBe('free');
      expect(await subjectsTo(email)).toEqual(
        [
          'Welcome to Masthead membership',
          'Your receipt from Masthead',
          'We could not take your Masthead membership payment',
        ].sort(),
      );
    });
  }

  it('answers 400 to a missing or wrong signature and records nothing', async () => {
    const before = await countEvents();
    const event = stripeEvents.envelope(
      'evt_forged',
      'customer.subscription.created',
      site.t.clock.now(),
      stripeEvents.subscription({
        id: 'sub_forged',
        customer: 'cus_forged',
        reference: 'x',
        status: 'active',
        amount: 1,
        interval: 'month',
        periodEnd: site.t.clock.now(),
      }),
    );
    const payload = JSON.stringify(event);
    const missing = await site.postWebhook(payload, undefined);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('The Stripe-Signature header is missing.');
    const wrong = await site.postWebhook(
      payload,
      stripeSigner.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }),
    );
    expect(wrong.statusCode).toBe(400);
    const tampered = await site.postWebhook(
      payload.replace('"active"', '"canceled"'),
      stripeSigner.webhooks.generateTestHeaderString({ payload, secret }),
    );
    expect(tampered.statusCode).toBe(400);
    expect(await countEvents()).toBe(before);
  });

  it('keeps an event for an unknown customer, waiting for its member', async () => {
    const event = stripeEvents.envelope(
      'evt_unknown',
      'customer.subscription.created',
      site.t.clock.now(),
      stripeEvents.subscription({
        id: 'sub_unknown',
        customer: 'cus_unknown',
        reference: 'none',
        status: 'active',
        amount: 800,
        interval: 'month',
        periodEnd: new Date(site.t.clock.now().getTime() + 30 * dayMs),
      }),
    );
    expect((await site.postSigned(event)).statusCode).toBe(200);
    await drainJobs(site.t);
    const row = await ctx.handle.db
      .selectFrom('payment_events')
      .selectAll()
      .where('event_id', '=', 'evt_unknown')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('unmatched');
  });

  it('sends a paying member to the Stripe customer portal from their account', async () => {
    const cookies = await signInAsMember(site.t, site.admin, 'cancel-1@example.test');
    const account = await site.t.app.inject({ method: 'GET', url: '/account', cookies });
    const csrf = /name="csrf" value="([^"]+)"/.exec(account.body)?.[1] ?? '';
    const portal = await site.t.app.inject({
      method: 'POST',
      url: '/account/membership/portal',
      cookies,
      payload: { csrf },
    });
    expect(portal.statusCode).toBe(303);
    expect(String(portal.headers.location)).toMatch(
      /^https:\/\/billing\.stripe\.com\/p\/session\//,
    );
    const sent = site.api.requests.at(-1);
    expect(sent?.path).toBe('/v1/billing_portal/sessions');
    expect(sent?.form.get('customer')).toBe('cus_a1');
  });

  it('re-syncs a member from Stripe with masthead payments reconcile, and retries waiting events', async () => {
    const member = await memberByEmail('cancel-7@example.test');
    expect(member?.status).toBe('paid');
    // Later, Stripe ended the subscription and the webhook never arrived.
    site.t.clock.advance(3 * dayMs);
    const ended = new Date(site.t.clock.now().getTime() - 1000);
    site.api.subscriptions.set(
      'sub_a7',
      stripeEvents.subscription({
        id: 'sub_a7',
        customer: 'cus_a7',
        reference: 'x',
        status: 'canceled',
        amount: 800,
        interval: 'month',
        periodEnd: ended,
        cancelAtPeriodEnd: true,
        endedAt: ended,
        endReason: 'cancellation_requested',
      }),
    );
    const report = await site.t.services.revenue.reconcile();
    expect(report.subscriptionsUpdated).toBeGreaterThanOrEqual(1);
    expect(report.stillUnmatched).toBe(1);
    expect((await memberByEmail('cancel-7@example.test'))?.status).toBe('free');
    expect(
      site.api.requests.some((r) => r.method === 'GET' && r.path === '/v1/subscriptions/sub_a7'),
    ).toBe(true);
  });
});
