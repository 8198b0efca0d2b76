import { beforeAll, describe, expect, it } from 'vitest';
import { createSupporterTier } from '../../src/features/memberships/test-support/supporter-tier.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { drainJobs, readOutbox } from '../../src/platform/mail/test-support/outbox-helpers.js';
import { findAxeViolations, isBrowserAvailable } from '../support/browser.js';
import { payAsNewMember, startMonthlyCheckout } from '../support/membership-checkout.js';
import { useReaderJourney } from '../support/reader-journey.js';

const preview = 'The council met behind closed doors on Tuesday.';
const locked = 'The minutes show the vote was six to three.';
const dayMs = 24 * 60 * 60 * 1000;

describe.skipIf(!isBrowserAvailable())('readers pay on the test provider in Chromium', () => {
  const site = useReaderJourney();
  let slug: string;

  beforeAll(async () => {
    await createSupporterTier(site.t, {
      benefits: 'Every article in full\nA letter from the editor each week',
      prices: [
        { interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: false },
        { interval: 'year', currency: 'eur', amount: 5000, payWhatYouWant: false },
      ],
    });
    slug = await site.publishArticle({
      title: 'What the council decided',
      markdown: `${preview}\n\n[paywall]\n\n${locked}`,
      visibility: 'paid',
    });
  });

  it('becomes a monthly member, sees it on the account page and reads a paid article whole', async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/${slug}`);
    await page.getByRole('heading', { name: 'This article is for paying members' }).waitFor();
    expect(await page.getByText(locked).count()).toBe(0);

    await page.goto(`${site.base}/membership`);
    await page.getByRole('img', { name: 'Visa' }).waitFor();
    await page.getByRole('img', { name: 'American Express' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);

    await startMonthlyCheckout(page, 'member@journey.test');
    await page.getByText('TEST MODE', { exact: true }).first().waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await payAsNewMember(page);
    expect(await findAxeViolations(page)).toEqual([]);

    await page.goto(`${site.base}/account`);
    await page.getByText('Paying member', { exact: true }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);

    await page.goto(`${site.base}/${slug}`);
    await page.getByText(locked).waitFor();
    await page.context().close();
  }, 120_000);

  it('changes nothing when the card is declined, and says so', async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/membership`);
    await startMonthlyCheckout(page, 'declined@journey.test');
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Your payment was not completed. Nothing was charged.').waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    const found = await site.t.services.members.listMembers(
      systemActor,
      { q: 'declined@journey.test' },
      { page: 1, limit: 1 },
    );
    expect(found.total).toBe(0);
    await page.goto(`${site.base}/account`);
    await page.waitForURL(/\/signin/);
    await page.context().close();
  }, 120_000);

  it('buys a gift for a later day; on that day the recipient redeems it in another browser', async () => {
    const buyer = await site.newPage();
    await buyer.goto(`${site.base}/gift`);
    expect(await findAxeViolations(buyer)).toEqual([]);
    await buyer.getByLabel('3 months').check();
    await buyer.getByLabel("Recipient's name").fill('Olena');
    await buyer.getByLabel("Recipient's e-mail address").fill('olena@journey.test');
    await buyer.getByLabel('Message (optional)').fill('Happy birthday!');
    const day = new Date(site.t.clock.now().getTime() + 10 * dayMs).toISOString().slice(0, 10);
    await buyer.getByLabel('Delivery date').fill(day);
    await buyer.getByLabel('Your name').fill('Taras');
    await buyer.getByLabel('Your e-mail address (for the receipt)').fill('taras@journey.test');
    await buyer.getByRole('button', { name: 'Buy the gift' }).click();
    await buyer.getByRole('button', { name: 'Pay' }).click();
    await buyer.getByRole('heading', { name: 'Thank you for your gift' }).waitFor();
    expect(await findAxeViolations(buyer)).toEqual([]);
    await buyer.getByRole('link', { name: 'Print the gift card' }).click();
    await buyer.getByRole('heading', { name: /3-month membership .* for Olena/ }).waitFor();
    await buyer.context().close();

    await drainJobs(site.t);
    expect(
      (await readOutbox(site.t, site.admin)).filter((m) => m.to === 'olena@journey.test'),
    ).toEqual([]);

    site.t.clock.advance(11 * dayMs);
    await drainJobs(site.t);
    await drainJobs(site.t);
    const gifts = (await readOutbox(site.t, site.admin)).filter(
      (m) => m.to === 'olena@journey.test',
    );
    expect(gifts).toHaveLength(1);
    const path = /http:\/\/news\.test(\/gift\/redeem\/[0-9A-Z]{20})/.exec(
      gifts[0]?.text ?? '',
    )?.[1];
    expect(path).toBeDefined();

    const recipient = await site.newPage();
    await recipient.goto(`${site.base}${path ?? ''}`);
    await recipient.getByText('Happy birthday!').waitFor();
    expect(await findAxeViolations(recipient)).toEqual([]);
    await recipient.getByRole('button', { name: 'Redeem the gift' }).click();
    await recipient.getByRole('heading', { name: 'Your gift membership has started' }).waitFor();
    const until = new Date(site.t.clock.now());
    until.setUTCMonth(until.getUTCMonth() + 3);
    await recipient.locator(`time[datetime="${until.toISOString()}"]`).waitFor();
    expect(await findAxeViolations(recipient)).toEqual([]);
    await recipient.goto(`${site.base}/account`);
    await recipient.getByText('Gift membership', { exact: true }).waitFor();
    await recipient.goto(`${site.base}/${slug}`);
    await recipient.getByText(locked).waitFor();
    await recipient.context().close();
  }, 120_000);

  it('donates once and receives the receipt', async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/donate`);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.getByLabel('€25.00').check();
    await page.getByLabel('Note (optional)').fill('For the council coverage');
    await page.getByLabel('Your e-mail address (for the receipt)').fill('donor@journey.test');
    await page.getByRole('button', { name: 'Donate' }).click();
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('heading', { name: 'Thank you for your donation' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await drainJobs(site.t);
    const receipt = (await readOutbox(site.t, site.admin)).find(
      (m) => m.to === 'donor@journey.test',
    );
    expect(receipt?.text).toContain('€25.00');
    expect(receipt?.text).toContain('For the council coverage');
    await page.context().close();
  }, 120_000);
});
