import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../features/staff/actor.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

const password = 'correct horse battery';

async function signInFrom(t: TestApp, forwardedFor: string, guess = password) {
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/session',
    remoteAddress: '127.0.0.1',
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { email: 'desk@news.test', password: guess },
  });
}

async function lastSignInAddress(t: TestApp): Promise<unknown> {
  const page = await t.services.audit.listAudit(systemActor, { limit: 10 });
  return page.entries.find((entry) => entry.action === 'staff.signed-in')?.details.ip;
}

describeEachEngine('addresses of clients behind proxies', (ctx) => {
  describe('with no proxy trusted (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(ctx.handle);
      await t.services.staff.createStaff(systemActor, {
        email: 'desk@news.test',
        name: 'Desk',
        role: 'editor',
        password,
      });
    });
    afterAll(() => t.close());

    it('writes the connection’s address in the audit log, not the one a client claims', async () => {
      expect((await signInFrom(t, '203.0.113.9')).statusCode).toBe(200);
      expect(await lastSignInAddress(t)).toBe('127.0.0.1');
    });

    it('limits sign-in attempts even when a client changes X-Forwarded-For each time', async () => {
      const statuses: number[] = [];
      for (let n = 0; n < 12; n += 1) {
        statuses.push((await signInFrom(t, `198.51.100.${n}`, 'wrong password')).statusCode);
      }
      expect(statuses).toContain(429);
    });
  });

  describe('with MASTHEAD_TRUST_PROXY naming the proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(ctx.handle, { MASTHEAD_TRUST_PROXY: '127.0.0.1/32' });
    });
    afterAll(() => t.close());

    it('believes the proxy about the client’s address', async () => {
      expect((await signInFrom(t, '203.0.113.9')).statusCode).toBe(200);
      expect(await lastSignInAddress(t)).toBe('203.0.113.9');
    });
  });
});
