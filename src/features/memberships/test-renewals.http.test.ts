import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';
import { renewalRetryMs } from '../../platform/payments/test-payments.js';
import { decideEntitlement } from '../members/entitlement.js';
import { systemActor } from '../staff/actor.js';
import { payAtTestProvider, useTestProviderApp } from './test-support/test-provider-app.js';

const dayMs = 24 * 60 * 60 * 1000;

describeEachEngine('the test provider renews memberships by itself', (ctx) => {
  const site = useTestProviderApp(ctx);

  /** Joins monthly and pays; returns the test provider's customer and subscription. */
  async function join(email: string): Promise<{ customer: string; subscription: string }> {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: site.priceId, email },
    });
    expect(started.statusCode).toBe(303);
    await payAtTestProvider(site.t, started.headers.location);
    await drainJobs(site.t);
    const row = await ctx.handle.db
      .selectFrom('test_payment_subscriptions')
      .innerJoin(
        'test_payment_sessions',
        'test_payment_sessions.reference',
        'test_payment_subscriptions.reference',
      )
      .select(['test_payment_subscriptions.id', 'test_payment_subscriptions.customer_id'])
      .where('test_payment_sessions.email', '=', email)
      .executeTakeFirstOrThrow();
    return { customer: row.customer_id, subscription: row.id };
  }

  async function member(email: string) {
    const found = await site.t.services.members.listMembers(
      systemActor,
      { q: email },
      { page: 1, limit: 1 },
    );
    const first = found.members[0];
    if (first === undefined) throw new Error(`No member ${email}.`);
    return first;
  }

  const mailTo = async (email: string) =>
    (await readOutbox(site.t, site.admin)).filter((m) => m.to === email).map((m) => m.subject);

  /** Moves the clock and runs whatever became due, as the worker would. */
  async function advance(ms: number): Promise<void> {
    site.t.clock.advance(ms);
    await drainJobs(site.t);
    await drainJobs(site.t);
  }

  it('charges each period end once: a new receipt, and the membership runs on', async () => {
    const email = 'renews@example.test';
    await join(email);
    const firstUntil = (await member(email)).statusUntil?.getTime() ?? 0;
    expect(await mailTo(email)).toContain('Your receipt from Masthead');

    await advance(31 * dayMs);
    const renewed = await member(email);
    expect(renewed.status).toBe('paid');
    expect(renewed.statusUntil?.getTime()).toBeGreaterThan(firstUntil + 27 * dayMs);
    await advance(60_000);
    const receipts = (await mailTo(email)).filter((s) => s === 'Your receipt from Masthead');
    expect(receipts).toHaveLength(2);

    await advance(31 * dayMs);
    expect((await mailTo(email)).filter((s) => s === 'Your receipt from Masthead')).toHaveLength(3);
  });

  it('walks a declined renewal through the grace period to a lapse, from the portal switch', async () => {
    const email = 'declines@example.test';
    const { customer, subscription } = await join(email);
    const portal = `/test-payments/portal/${encodeURIComponent(customer)}`;
    const switched = await site.t.app.inject({
      method: 'POST',
      url: portal,
      payload: { subscription, action: 'decline-renewals' },
    });
    expect(switched.statusCode).toBe(303);
    const page = await site.t.app.inject({ method: 'GET', url: portal });
    expect(page.body).toContain('the next one will be declined');
    expect(page.body).toContain('Accept renewals again');

    await advance(31 * dayMs);
    const inGrace = await member(email);
    expect(decideEntitlement(inGrace, site.t.clock.now())).toBe('paying');
    expect(await mailTo(email)).toContain('We could not take your Masthead membership payment');

    // Past the grace period the member reads as a free member.
    await advance(7 * dayMs + 60_000);
    expect(decideEntitlement(await member(email), site.t.clock.now())).not.toBe('paying');

    // The retry fails too: the subscription ends for a failed payment, not at the reader's wish.
    await advance(renewalRetryMs);
    const lapsed = await member(email);
    expect(lapsed.status).toBe('free');
    const mail = await mailTo(email);
    expect(mail).not.toContain('Your Masthead membership is cancelled');
    expect(mail.filter((s) => s === 'Your receipt from Masthead')).toHaveLength(1);
  });

  it('takes the retry when the card is accepted again, and renews from then on', async () => {
    const email = 'recovers@example.test';
    const { customer, subscription } = await join(email);
    const portal = `/test-payments/portal/${encodeURIComponent(customer)}`;
    await site.t.app.inject({
      method: 'POST',
      url: portal,
      payload: { subscription, action: 'decline-renewals' },
    });
    await advance(31 * dayMs);
    await site.t.app.inject({
      method: 'POST',
      url: portal,
      payload: { subscription, action: 'accept-renewals' },
    });
    await advance(renewalRetryMs);
    const recovered = await member(email);
    expect(recovered.status).toBe('paid');
    expect(decideEntitlement(recovered, site.t.clock.now())).toBe('paying');
    expect((await mailTo(email)).filter((s) => s === 'Your receipt from Masthead')).toHaveLength(2);
  });

  it('ends a membership set to cancel at its period end, without charging', async () => {
    const email = 'leaves@example.test';
    const { customer, subscription } = await join(email);
    await site.t.app.inject({
      method: 'POST',
      url: `/test-payments/portal/${encodeURIComponent(customer)}`,
      payload: { subscription, action: 'cancel' },
    });
    await advance(31 * dayMs);
    expect((await member(email)).status).toBe('free');
    expect((await mailTo(email)).filter((s) => s === 'Your receipt from Masthead')).toHaveLength(1);
  });
});
