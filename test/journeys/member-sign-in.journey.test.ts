import { beforeAll, describe, expect, it } from 'vitest';
import { signInTokenFor } from '../../src/features/members/test-support/member-sign-in.js';
import { findAxeViolations, isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import { useReaderJourney } from '../support/reader-journey.js';

const preview = 'The harbour authority voted on Monday night.';
const locked = 'Three of the contracts went to one company.';

describe.skipIf(!isBrowserAvailable())(
  'a reader signs in by magic link to read a members article',
  () => {
    const site = useReaderJourney();
    let slug: string;

    beforeAll(async () => {
      slug = await site.publishArticle({
        title: 'What the harbour contracts say',
        markdown: `${preview}\n\n[paywall]\n\n${locked}`,
        visibility: 'members',
      });
    });

    it(
      'shows the preview, signs in from the e-mailed link, reads it whole, and signs out',
      async () => {
        const page = await site.newPage();
        await page.goto(`${site.base}/${slug}`);
        await page.getByText(preview).waitFor();
        await page.getByRole('heading', { name: 'This article is for members' }).waitFor();
        expect(await page.getByText(locked).count()).toBe(0);
        expect(await findAxeViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Sign in' }).click();
        await page.getByLabel('E-mail address').fill('reader@journey.test');
        await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
        await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
        expect(await findAxeViolations(page)).toEqual([]);

        const token = await signInTokenFor(site.t, site.admin, 'reader@journey.test');
        await page.goto(`${site.base}/signin/link/${token}`);
        expect(await findAxeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Sign in' }).click();

        await page.waitForURL(`${site.base}/${slug}`);
        await page.getByText(locked).waitFor();
        expect(
          await page.getByRole('heading', { name: 'This article is for members' }).count(),
        ).toBe(0);

        await page.goto(`${site.base}/account`);
        await page.getByText('You sign in with reader@journey.test.').waitFor();
        expect(await findAxeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Sign out', exact: true }).click();
        await page.waitForURL(`${site.base}/`);

        await page.goto(`${site.base}/${slug}`);
        await page.getByRole('heading', { name: 'This article is for members' }).waitFor();
        expect(await page.getByText(locked).count()).toBe(0);
        await page.context().close();
      },
      journeyTimeout,
    );
  },
);
