import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import {
  drainJobs,
  readOutbox,
  type OutboxEntry,
} from '../../platform/mail/test-support/outbox-helpers.js';
import { cookiesOf } from '../members/test-support/member-sign-in.js';
import { systemActor } from '../staff/actor.js';
import { pathOf, payAtTestProvider, useTestProviderApp } from './test-support/test-provider-app.js';

const dayMs = 24 * 60 * 60 * 1000;
const endingSoon = /^Your Masthead gift membership ends on /u;

describeEachEngine('a gift member is invited to continue a week before the gift ends', (ctx) => {
  const site = useTestProviderApp(ctx);

  /** Buys a gift delivered now and returns its redeem code from the recipient's e-mail. */
  async function giftFor(recipient: string, months: string): Promise<string> {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/gift',
      payload: {
        months,
        currency: 'eur',
        recipient_name: 'Olena',
        recipient_email: recipient,
        buyer_email: 'giver@example.test',
      },
    });
    expect(started.statusCode).toBe(303);
    await payAtTestProvider(site.t, started.headers.location);
    await drainJobs(site.t);
    const delivered = (await readOutbox(site.t, site.admin)).filter((m) => m.to === recipient);
    const code = /\/gift\/redeem\/([0-9A-Z]{20})/u.exec(delivered[0]?.text ?? '')?.[1];
    if (code === undefined) throw new Error('No redeem link was e-mailed.');
    return code;
  }

  async function reminders(to: string): Promise<OutboxEntry[]> {
    return (await readOutbox(site.t, site.admin)).filter(
      (m) => m.to === to && endingSoon.test(m.subject),
    );
  }

  async function advance(ms: number): Promise<void> {
    site.t.clock.advance(ms);
    await drainJobs(site.t);
  }

  it('sends one invitation a week before the end, and the checkout it leads to keeps the days left', async () => {
    const to = 'olena@example.test';
    const redeemed = await site.t.app.inject({
      method: 'POST',
      url: '/gift/redeem',
      payload: { code: await giftFor(to, '1'), email: to, name: 'Olena' },
    });
    expect(redeemed.statusCode).toBe(200);
    const cookies = cookiesOf(redeemed);
    const member = (
      await site.t.services.members.listMembers(systemActor, { q: to }, { page: 1, limit: 1 })
    ).members[0];
    const until = member?.statusUntil ?? new Date(0);
    expect(member?.status).toBe('gift');

    await advance(until.getTime() - site.t.clock.now().getTime() - 8 * dayMs);
    expect(await reminders(to)).toHaveLength(0);
    await advance(2 * dayMs);
    await advance(dayMs);
    const sent = await reminders(to);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('you lose none of the days left');
    expect(sent[0]?.text).toContain('http://news.test/membership');

    // Continuing now: the first payment is taken when the gift ends, not today.
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      cookies,
      payload: { price: site.priceId },
    });
    expect(started.statusCode).toBe(303);
    const checkout = await site.t.app.inject({
      method: 'GET',
      url: pathOf(started.headers.location),
    });
    expect(checkout.body).toContain(`every month from ${until.toISOString().slice(0, 10)}`);
  });

  it('invites only for the later end when a second gift extends the first', async () => {
    const to = 'twice@example.test';
    const first = await site.t.app.inject({
      method: 'POST',
      url: '/gift/redeem',
      payload: { code: await giftFor(to, '1'), email: to, name: 'Twice' },
    });
    const cookies = cookiesOf(first);
    const second = await site.t.app.inject({
      method: 'POST',
      url: '/gift/redeem',
      cookies,
      payload: { code: await giftFor(to, '3') },
    });
    expect(second.statusCode).toBe(200);
    const member = (
      await site.t.services.members.listMembers(systemActor, { q: to }, { page: 1, limit: 1 })
    ).members[0];
    const until = member?.statusUntil ?? new Date(0);

    // Past the first gift's reminder day: nothing, the membership goes on.
    await advance(35 * dayMs);
    expect(await reminders(to)).toHaveLength(0);
    await advance(until.getTime() - site.t.clock.now().getTime() - 6 * dayMs);
    const sent = await reminders(to);
    expect(sent).toHaveLength(1);
    await advance(dayMs);
    expect(await reminders(to)).toHaveLength(1);
  });
});
