import type { Page } from 'playwright-core';

/**
 * On a page that offers the €5.00-a-month membership (`/membership`, with or without an
 * appeal's campaign): gives the e-mail address, joins, and waits for the test provider's
 * checkout.
 */
export async function startMonthlyCheckout(page: Page, email: string): Promise<void> {
  const join = { name: 'Join for €5.00 a month' };
  const form = page.locator('form').filter({ has: page.getByRole('button', join) });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByRole('button', join).click();
  await page.getByRole('heading', { name: 'Pay (TEST MODE)' }).waitFor();
}

/** Pays at the test provider's checkout and waits to be welcomed back, signed in, as a member. */
export async function payAsNewMember(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('heading', { name: 'Welcome, member' }).waitFor();
}
