import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import type { Newsletter } from '../../features/newsletters/newsletter.js';
import {
  formBody,
  formHeaders,
  makeNewsletter,
  subscriptionStatus,
} from '../../features/newsletters/test-support/newsletter-fixtures.js';

describeEachEngine('the sign-up form with bad input', (ctx) => {
  let t: TestApp;
  let daily: Newsletter;
  let members: Newsletter;
  let client = 0;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    daily = await makeNewsletter(t, { name: 'Daily Briefing' });
    members = await makeNewsletter(t, { name: 'Members Letter', audience: 'members' });
  });
  afterAll(() => t.close());

  /** Each test posts from its own client address, so rate limits do not spill over. */
  const post = (payload: string, headers: Record<string, string> = formHeaders, ip?: string) => {
    client += 1;
    return t.app.inject({
      method: 'POST',
      url: '/newsletters/subscribe',
      headers,
      payload,
      remoteAddress: ip ?? `10.1.${Math.floor(client / 250)}.${client % 250}`,
    });
  };

  it('keeps what was typed and says in plain words what is wrong with the address', async () => {
    for (const email of ['', 'not-an-email', 'name@', '@example.com', 'two words@example.com']) {
      const answer = await post(formBody({ email, newsletters: daily.id }));
      expect(answer.statusCode, email).toBe(400);
      expect(answer.body).toContain(
        'Please enter a correct e-mail address, such as name@example.com.',
      );
      if (email !== '') expect(answer.body).toContain(`value="${email}"`);
      expect(answer.body).toContain('aria-invalid="true"');
      expect(answer.body).toContain('indicates required');
    }
  });

  it('answers every malformed form or JSON body with a 4xx and a message, never a 500', async () => {
    const bodies: [string, Record<string, string>][] = [
      [formBody({ email: 'x'.repeat(400) + '@example.com', newsletters: daily.id }), formHeaders],
      [formBody({ email: ['a@example.com', 'b@example.com'], newsletters: daily.id }), formHeaders],
      [formBody({ email: 'a@example.com', newsletters: 'no-such-newsletter' }), formHeaders],
      [formBody({ email: 'a@example.com' }), formHeaders],
      [formBody({ email: 'a@example.com', newsletters: 'x'.repeat(500) }), formHeaders],
      ['email=a%00b%40example.com', formHeaders],
      ['%%%', formHeaders],
      ['{"email": 42}', { 'content-type': 'application/json' }],
      [
        '{"email": "a@example.com", "newsletters": {"x": 1}}',
        { 'content-type': 'application/json' },
      ],
      ['[1,2,3]', { 'content-type': 'application/json' }],
      ['{"email": ', { 'content-type': 'application/json' }],
      ['just text', { 'content-type': 'text/plain' }],
      ['<xml/>', { 'content-type': 'application/xml' }],
    ];
    for (const [payload, headers] of bodies) {
      const answer = await post(payload, headers);
      expect(answer.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, payload).toBeLessThan(500);
      const text = String(answer.headers['content-type']).includes('json')
        ? answer.json<{ error: { message: string } }>().error.message
        : answer.body;
      expect(text.length, payload).toBeGreaterThan(10);
    }
  });

  it('answers JSON with the field and message when the island asks for JSON', async () => {
    const answer = await post(formBody({ email: 'nope', newsletters: daily.id }), {
      ...formHeaders,
      accept: 'application/json',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json<Record<string, unknown>>()).toMatchObject({
      error: {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- an asymmetric matcher
        fields: [{ field: 'email', message: expect.stringContaining('correct e-mail address') }],
      },
    });
    const ok = await post(
      formBody({ email: `json-${ctx.handle.engine}@example.com`, newsletters: daily.id }),
      {
        ...formHeaders,
        accept: 'application/json',
      },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ message: string }>().message).toContain(
      "We've sent you a confirmation e-mail",
    );
  });

  it('refuses a members-only newsletter to a reader who is not signed in, and says why', async () => {
    const answer = await post(formBody({ email: 'reader@example.com', newsletters: members.id }));
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain('Members Letter is for members');
  });

  it('pretends to a bot that fills the hidden field, and records nothing', async () => {
    const email = `bot-${ctx.handle.engine}@example.com`;
    const answer = await post(
      formBody({ email, newsletters: daily.id, website: 'http://spam.example' }),
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain("We've sent you a confirmation e-mail");
    expect(await subscriptionStatus(t, email, daily.id)).toBeNull();
  });

  it('answers 429 to twenty rapid sign-ups from one client, and never a 500', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const answer = await post(
        formBody({ email: `rapid-${i}-${ctx.handle.engine}@example.com`, newsletters: daily.id }),
        formHeaders,
        '10.9.9.9',
      );
      statuses.push(answer.statusCode);
      if (answer.statusCode === 429) expect(answer.body).toContain('Too many sign-ups');
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('answers 429 to the same address signed up again and again from many clients', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await post(
        formBody({ email: `same-${ctx.handle.engine}@example.com`, newsletters: daily.id }),
      );
      statuses.push(answer.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
