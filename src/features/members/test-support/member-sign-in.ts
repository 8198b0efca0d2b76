import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/support/test-app.js';
import { drainJobs, readOutbox } from '../../../platform/mail/test-support/outbox-helpers.js';

/** The token of the newest sign-in link e-mailed to `email`. */
export async function signInTokenFor(
  t: TestApp,
  adminToken: string,
  email: string,
): Promise<string> {
  await drainJobs(t);
  const message = (await readOutbox(t, adminToken)).find((m) => m.to === email);
  const match = /http:\/\/news\.test\/signin\/link\/([\w-]+)/.exec(message?.text ?? '');
  if (match?.[1] === undefined) throw new Error(`No sign-in link for ${email}.`);
  return match[1];
}

export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(
    response.cookies.filter((c) => c.value !== '').map((c) => [c.name, c.value]),
  );
}

/** Asks for a link as a reader would, follows it with the button, and returns the cookies. */
export async function signInAsMember(
  t: TestApp,
  adminToken: string,
  email: string,
): Promise<Record<string, string>> {
  const asked = await t.app.inject({ method: 'POST', url: '/signin', payload: { email } });
  if (asked.statusCode !== 200) throw new Error(`Sign-in answered ${asked.statusCode}.`);
  const token = await signInTokenFor(t, adminToken, email);
  const done = await t.app.inject({ method: 'POST', url: '/signin/link', payload: { token } });
  if (done.statusCode !== 303) throw new Error(`The link answered ${done.statusCode}.`);
  return cookiesOf(done);
}
