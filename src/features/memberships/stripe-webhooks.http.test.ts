import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../staff/actor.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';
import {
  startFakeStripeApi,
  stripeEvents,
  type FakeStripeApi,
} from '../../platform/payments/test-support/fake-stripe-api.js';
import { signInAsMember } from '../members/test-support/member-sign-in.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

const secret = 'whsec_test_masthead';
const dayMs = 24 * 60 * 60 * 1000;
const signer = new Stripe('sk_test_signer');

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
  let t: TestApp;
  let api: FakeStripeApi;
  let admin: string;
  let priceId: string;

  beforeAll(async () => {
    api = await startFakeStripeApi();
    t = await createTestApp(ctx.handle, {
      MASTHEAD_STRIPE_SECRET_KEY: 'sk_test_masthead',
      MASTHEAD_STRIPE_WEBHOOK_SECRET: secret,
      MASTHEAD_STRIPE_API_URL: api.url,
    });
    admin = (await t.tokenFor('administrator')).token;
    const tier = await t.services.tiers.createTier(systemActor, {
      name: 'Supporter',
      slug: 'supporter',
      benefits: '',
      position: 0,
      active: true,
      prices: [{ interval: 'month', currency: 'eur', amount: 800, payWhatYouWant: false }],
    });
    priceId = tier.prices[0]?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  function post(body: string, signature: string | undefined) {
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: {
        'content-type': 'application/json',
        ...(signature === undefined ? {} : { 'stripe-signature': signature }),
      },
      payload: body,
    });
  }

  function postSigned(event: unknown) {
    const payload = JSON.stringify(event);
    return post(payload, signer.webhooks.generateTestHeaderString({ payload, secret }));
  }

  async function countEvents(): Promise<number> {
    const row = await ctx.handle.db
      .selectFrom('payment_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Starts a Stripe Checkout as a reader would; returns Masthead's checkout reference. */
  async function startCheckout(email: string): Promise<string> {
    const started = await t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: priceId, email },
    });
    expect(started.statusCode).toBe(303);
    expect(String(started.headers.location)).toMatch(
      /^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/,
    );
    const sent = api.requests.at(-1);
    expect(sent?.path).toBe('/v1/checkout/sessions');
    expect(sent?.authorization).toBe('Bearer sk_test_masthead');
    expect(sent?.form.get('mode')).toBe('subscription');
    expect(sent?.form.get('customer_email')).toBe(email);
    expect(sent?.form.get('line_items[0][price_data][unit_amount]')).toBe('800');
    expect(sent?.form.get('line_items[0][price_data][recurring][interval]')).toBe('month');
    return sent?.form.get('metadata[masthead_checkout]') ?? '';
  }

  async function memberByEmail(email: string) {
    const found = await t.services.members.listMembers(
      systemActor,
      { q: email },
      { page: 1, limit: 2 },
    );
    return found.members[0] ?? null;
  }

  async function subjectsTo(email: string): Promise<string[]> {
    return (await readOutbox(t, admin))
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
      const t0 = t.clock.now();
      const periodEnd = new Date(t0.getTime() + 30 * dayMs);
      const customer = `cus_a${seed}`;
      const sub = `sub_a${seed}`;
      const base = {
        id: sub,
        customer,
        reference,
        amount: 800,
        interval: 'month' as const,
        periodEnd,
      };
      const events = [
        stripeEvents.envelope(
          `evt_a1_${seed}`,
          'checkout.session.completed',
          t0,
          stripeEvents.checkoutCompleted({
            session: `cs_a${seed}`,
            reference,
            customer,
            subscription: sub,
            amount: 800,
          }),
        ),
        stripeEvents.envelope(
          `evt_a2_${seed}`,
          'customer.subscription.created',
          t0,
          stripeEvents.subscription({ ...base, status: 'active' }),
        ),
        stripeEvents.envelope(
          `evt_a3_${seed}`,
          'invoice.paid',
          t0,
          stripeEvents.invoice({
            id: `in_a${seed}`,
            customer,
            subscription: sub,
            amount: 800,
            periodEnd,
            paid: true,
          }),
        ),
        stripeEvents.envelope(
          `evt_a4_${seed}`,
          'customer.subscription.updated',
          new Date(t0.getTime() + dayMs),
          stripeEvents.subscription({ ...base, status: 'active', cancelAtPeriodEnd: true }),
        ),
      ];
      const before = await countEvents();
      for (const event of shuffled([...events, ...events], seed)) {
        expect((await postSigned(event)).statusCode).toBe(200);
      }
      expect(await countEvents()).toBe(before + events.length);
      await drainJobs(t);
      await drainJobs(t);
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
      const t0 = t.clock.now();
      const periodEnd = new Date(t0.getTime() + 30 * dayMs);
      const failedAt = new Date(t0.getTime() + 30 * dayMs);
      const endedAt = new Date(t0.getTime() + 45 * dayMs);
      const customer = `cus_b${seed}`;
      const sub = `sub_b${seed}`;
      const base = {
        id: sub,
        customer,
        reference,
        amount: 800,
        interval: 'month' as const,
        periodEnd,
      };
      const events = [
        stripeEvents.envelope(
          `evt_b1_${seed}`,
          'checkout.session.completed',
          t0,
          stripeEvents.checkoutCompleted({
            session: `cs_b${seed}`,
            reference,
            customer,
            subscription: sub,
            amount: 800,
          }),
        ),
        stripeEvents.envelope(
          `evt_b2_${seed}`,
          'customer.subscription.created',
          t0,
          stripeEvents.subscription({ ...base, status: 'active' }),
        ),
        stripeEvents.envelope(
          `evt_b3_${seed}`,
          'invoice.paid',
          t0,
          stripeEvents.invoice({
            id: `in_b${seed}`,
            customer,
            subscription: sub,
            amount: 800,
            periodEnd,
            paid: true,
          }),
        ),
        stripeEvents.envelope(
          `evt_b4_${seed}`,
          'invoice.payment_failed',
          failedAt,
          stripeEvents.invoice({
            id: `in_b2${seed}`,
            customer,
            subscription: sub,
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
        expect((await postSigned(event)).statusCode).toBe(200);
      }
      await drainJobs(t);
      await drainJobs(t);
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
      t.clock.now(),
      stripeEvents.subscription({
        id: 'sub_forged',
        customer: 'cus_forged',
        reference: 'x',
        status: 'active',
        amount: 1,
        interval: 'month',
        periodEnd: t.clock.now(),
      }),
    );
    const payload = JSON.stringify(event);
    const missing = await post(payload, undefined);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('The Stripe-Signature header is missing.');
    const wrong = await post(
      payload,
      signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }),
    );
    expect(wrong.statusCode).toBe(400);
    const tampered = await post(
      payload.replace('"active"', '"canceled"'),
      signer.webhooks.generateTestHeaderString({ payload, secret }),
    );
    expect(tampered.statusCode).toBe(400);
    expect(await countEvents()).toBe(before);
  });

  it('keeps an event for an unknown customer, waiting for its member', async () => {
    const event = stripeEvents.envelope(
      'evt_unknown',
      'customer.subscription.created',
      t.clock.now(),
      stripeEvents.subscription({
        id: 'sub_unknown',
        customer: 'cus_unknown',
        reference: 'none',
        status: 'active',
        amount: 800,
        interval: 'month',
        periodEnd: new Date(t.clock.now().getTime() + 30 * dayMs),
      }),
    );
    expect((await postSigned(event)).statusCode).toBe(200);
    await drainJobs(t);
    const row = await ctx.handle.db
      .selectFrom('payment_events')
      .selectAll()
      .where('event_id', '=', 'evt_unknown')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('unmatched');
  });

  it('sends a paying member to the Stripe customer portal from their account', async () => {
    const cookies = await signInAsMember(t, admin, 'cancel-1@example.test');
    const account = await t.app.inject({ method: 'GET', url: '/account', cookies });
    const csrf = /name="csrf" value="([^"]+)"/.exec(account.body)?.[1] ?? '';
    const portal = await t.app.inject({
      method: 'POST',
      url: '/account/membership/portal',
      cookies,
      payload: { csrf },
    });
    expect(portal.statusCode).toBe(303);
    expect(String(portal.headers.location)).toMatch(
      /^https:\/\/billing\.stripe\.com\/p\/session\//,
    );
    const sent = api.requests.at(-1);
    expect(sent?.path).toBe('/v1/billing_portal/sessions');
    expect(sent?.form.get('customer')).toBe('cus_a1');
  });

  it('re-syncs a member from Stripe with masthead payments reconcile, and retries waiting events', async () => {
    const member = await memberByEmail('cancel-7@example.test');
    expect(member?.status).toBe('paid');
    // Later, Stripe ended the subscription and the webhook never arrived.
    t.clock.advance(3 * dayMs);
    const ended = new Date(t.clock.now().getTime() - 1000);
    api.subscriptions.set(
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
    const report = await t.services.revenue.reconcile();
    expect(report.subscriptionsUpdated).toBeGreaterThanOrEqual(1);
    expect(report.stillUnmatched).toBe(1);
    expect((await memberByEmail('cancel-7@example.test'))?.status).toBe('free');
    expect(
      api.requests.some((r) => r.method === 'GET' && r.path === '/v1/subscriptions/sub_a7'),
    ).toBe(true);
  });
});
