import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../staff/actor.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';
import { cookiesOf } from '../members/test-support/member-sign-in.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { pathOf, payAtTestProvider, useTestProviderApp } from './test-support/test-provider-app.js';

const dayMs = 24 * 60 * 60 * 1000;

describeEachEngine('reader revenue on the test provider', (ctx) => {
  const site = useTestProviderApp(ctx, {
    benefits: 'Every article in full\nThe weekly letter from the editor',
    prices: [
      { interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: true },
      { interval: 'year', currency: 'eur', amount: 5000, payWhatYouWant: false },
    ],
  });
  const monthlyPriceId = () => site.tier.prices.find((p) => p.interval === 'month')?.id ?? '';
  const pay = (checkoutLocation: unknown) => payAtTestProvider(site.t, checkoutLocation);

  it('makes a paying member of a reader who pays, signs them in and e-mails a welcome and a receipt', async () => {
    const page = await site.t.app.inject({ method: 'GET', url: '/membership' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Supporter');
    expect(page.body).toContain('<title id="card-visa">Visa</title>');

    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: monthlyPriceId(), amount: '7.50', email: 'Reader@Example.test' },
    });
    expect(started.statusCode).toBe(303);
    const back = await pay(started.headers.location);
    const returned = await site.t.app.inject({ method: 'GET', url: back });
    expect(returned.statusCode).toBe(200);
    expect(returned.body).toContain('you are now a paying member');
    const cookies = cookiesOf(returned);
    const account = await site.t.app.inject({ method: 'GET', url: '/account', cookies });
    expect(account.body).toContain('Paying member');

    // The return address signs in once only.
    const again = await site.t.app.inject({ method: 'GET', url: back });
    expect(cookiesOf(again).masthead_member).toBeUndefined();

    await drainJobs(site.t);
    const mail = (await readOutbox(site.t, site.admin)).filter(
      (m) => m.to === 'reader@example.test',
    );
    expect(mail.map((m) => m.subject).sort()).toEqual(
      ['Welcome to Masthead membership', 'Your receipt from Masthead'].sort(),
    );
    expect(mail.find((m) => m.subject.startsWith('Your receipt'))?.text).toContain('€7.50');
  });

  it('refuses an amount below a pay-what-you-want minimum and charges nothing', async () => {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: monthlyPriceId(), amount: '2', email: 'low@example.test' },
    });
    expect(started.statusCode).toBe(400);
    expect(started.body).toContain('pay at least €5.00');
  });

  it('changes nothing when the card is declined, and says so', async () => {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: monthlyPriceId(), email: 'declined@example.test' },
    });
    const session = pathOf(started.headers.location);
    const declined = await site.t.app.inject({ method: 'POST', url: `${session}/decline` });
    expect(declined.statusCode).toBe(402);
    expect(declined.body).toContain('Your card was declined');
    const cancelled = await site.t.app.inject({ method: 'POST', url: `${session}/cancel` });
    expect(pathOf(cancelled.headers.location)).toBe('/membership?checkout=cancelled');
    await drainJobs(site.t);
    const members = await site.t.services.members.listMembers(
      systemActor,
      { q: 'declined@' },
      { page: 1, limit: 5 },
    );
    expect(members.total).toBe(0);
  });

  it('delivers a gift on its day, once, and redeeming it starts a membership that ends by itself', async () => {
    const deliverOn = new Date(site.t.clock.now().getTime() + 10 * dayMs)
      .toISOString()
      .slice(0, 10);
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/gift',
      payload: {
        months: '3',
        currency: 'eur',
        recipient_name: 'Olena',
        recipient_email: 'olena@example.test',
        message: 'Happy birthday!',
        deliver_on: deliverOn,
        buyer_name: 'Taras',
        buyer_email: 'taras@example.test',
      },
    });
    expect(started.statusCode).toBe(303);
    const back = await pay(started.headers.location);
    const thanks = await site.t.app.inject({ method: 'GET', url: back });
    expect(thanks.body).toContain('Thank you for your gift');

    await drainJobs(site.t);
    let outbox = await readOutbox(site.t, site.admin);
    expect(outbox.filter((m) => m.to === 'olena@example.test')).toHaveLength(0);
    expect(outbox.find((m) => m.to === 'taras@example.test')?.text).toContain('€15.00');

    site.t.clock.advance(11 * dayMs);
    await drainJobs(site.t);
    await drainJobs(site.t);
    outbox = await readOutbox(site.t, site.admin);
    const gifts = outbox.filter((m) => m.to === 'olena@example.test');
    expect(gifts).toHaveLength(1);
    const code = /\/gift\/redeem\/([0-9A-Z]{20})/.exec(gifts[0]?.text ?? '')?.[1] ?? '';
    expect(code).toHaveLength(20);

    const redeemed = await site.t.app.inject({
      method: 'POST',
      url: '/gift/redeem',
      payload: { code, email: 'olena@example.test', name: 'Olena' },
    });
    expect(redeemed.statusCode).toBe(200);
    const now = site.t.clock.now();
    const member = (
      await site.t.services.members.listMembers(systemActor, { q: 'olena@' }, { page: 1, limit: 5 })
    ).members[0];
    expect(member?.status).toBe('gift');
    const expected = new Date(now);
    expected.setUTCMonth(expected.getUTCMonth() + 3);
    expect(member?.statusUntil?.toISOString()).toBe(expected.toISOString());

    const twice = await site.t.app.inject({
      method: 'POST',
      url: '/gift/redeem',
      payload: { code, email: 'someone@example.test', name: '' },
    });
    expect(twice.statusCode).toBe(410);
  });

  it('takes a donation and e-mails the receipt with the note', async () => {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/donate',
      payload: {
        currency: 'eur',
        preset: 'custom',
        custom: '12',
        note: 'For the court reporting',
        email: 'donor@example.test',
      },
    });
    expect(started.statusCode).toBe(303);
    const back = await pay(started.headers.location);
    const thanks = await site.t.app.inject({ method: 'GET', url: back });
    expect(thanks.body).toContain('Thank you for your donation');
    await drainJobs(site.t);
    const receipt = (await readOutbox(site.t, site.admin)).find(
      (m) => m.to === 'donor@example.test',
    );
    expect(receipt?.text).toContain('€12.00');
    expect(receipt?.text).toContain('For the court reporting');
  });
});

describeEachEngine('reader revenue for staff', (ctx) => {
  let t: TestApp;
  let admin: string;
  let editor: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    editor = (await t.tokenFor('editor')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('sets up a tier, counts the member who joins, refunds them and exports the days as CSV', async () => {
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/admin/revenue/tiers',
      headers: as(editor),
    });
    expect(refused.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/revenue/tiers',
      headers: as(admin),
      payload: {
        slug: 'friend',
        name: 'Friend',
        benefits: ['Every article'],
        position: 0,
        active: true,
        prices: [{ interval: 'month', currency: 'eur', amount: 400, pay_what_you_want: false }],
      },
    });
    expect(created.statusCode).toBe(201);
    const tier = created.json<{ tier: { prices: { id: string }[] } }>().tier;

    const started = await t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: tier.prices[0]?.id ?? '', email: 'staffview@example.test' },
    });
    const paid = await t.app.inject({
      method: 'POST',
      url: `${String(started.headers.location)}/pay`,
    });
    await t.app.inject({ method: 'GET', url: String(paid.headers.location) });
    await drainJobs(t);

    const dashboard = await t.app.inject({
      method: 'GET',
      url: '/api/admin/revenue/dashboard?days=30',
      headers: as(admin),
    });
    const figures = dashboard.json<{
      dashboard: {
        active_paying_members: number;
        mrr: Record<string, number>;
        days: { new_members: number }[];
      };
    }>().dashboard;
    expect(figures.active_paying_members).toBe(1);
    expect(figures.mrr).toEqual({ eur: 400 });
    expect(figures.days.at(-1)?.new_members).toBe(1);

    const member = (
      await t.services.members.listMembers(systemActor, { q: 'staffview@' }, { page: 1, limit: 1 })
    ).members[0];
    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/admin/revenue/members/${member?.id ?? ''}/refund`,
      headers: { ...as(admin), origin: 'http://news.test' },
    });
    expect(refund.statusCode).toBe(200);
    await drainJobs(t);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/admin/revenue/members/${member?.id ?? ''}`,
      headers: as(admin),
    });
    const detail = after.json<{
      subscriptions: { status: string }[];
      payments: { refunded_amount: number }[];
    }>();
    expect(detail.subscriptions[0]?.status).toBe('canceled');
    expect(detail.payments[0]?.refunded_amount).toBe(400);
    expect((await t.services.members.findMember(member?.id ?? ''))?.status).toBe('free');

    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/admin/revenue/dashboard.csv?days=7',
      headers: as(admin),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('date,new_members,lapsed_members,gifts_sold,gifts_redeemed,donations');
    expect(lines).toHaveLength(8);
  });
});
