import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import {
  createJobWorker,
  type JobHandlers,
  type JobWorker,
} from '../../platform/jobs/job-worker.js';
import { handleMailSend } from '../../platform/mail/mail-jobs.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { systemActor } from '../staff/actor.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { useTestProviderApp } from './test-support/test-provider-app.js';

const leaseMs = 60_000;

describeEachEngine('a worker killed while applying payments and delivering gifts', (ctx) => {
  const app = useTestProviderApp(ctx, {
    prices: [{ interval: 'month', currency: 'eur', amount: 600, payWhatYouWant: false }],
  });
  let release: () => void = () => undefined;
  const frozen = new Promise<void>((resolve) => {
    release = resolve;
  });
  const workers: JobWorker[] = [];
  let t: TestApp;
  let admin: string;
  let priceId: string;
  beforeAll(() => {
    ({ t, admin, priceId } = app);
  });

  afterAll(async () => {
    // The "dead" workers wake up late: their outcomes are ignored, as for a real zombie.
    release();
    await Promise.all(workers.map((worker) => worker.stop()));
  });

  /** The real handlers, run by a worker that freezes before or after each job's work. */
  function freezingWorker(when: 'before' | 'after', reached: { count: number }): JobWorker {
    const s = t.services;
    const real: JobHandlers = {
      'payments.process-event': async ({ eventRowId }) => {
        await s.paymentProcessor.processEvent(eventRowId);
      },
      'revenue.email': async (payload) => {
        await s.revenueEmails.send(payload);
      },
      'gift.deliver': async ({ giftId }) => {
        await s.gifts.deliverGift(giftId);
      },
      'mail.send': handleMailSend(s.mailer),
    };
    const handlers = Object.fromEntries(
      Object.entries(real).map(([kind, handler]) => [
        kind,
        async (payload: never, context: never) => {
          if (when === 'after')
            await (handler as (p: never, c: never) => Promise<void>)(payload, context);
          reached.count += 1;
          await frozen;
        },
      ]),
    ) as JobHandlers;
    const worker = createJobWorker({
      db: s.database.db,
      engine: s.database.engine,
      clock: t.clock,
      logger: createLogger('silent'),
      handlers,
      leaseMs,
      batchSize: 100,
    });
    workers.push(worker);
    return worker;
  }

  async function countDue(): Promise<number> {
    const now = t.clock.now().toISOString();
    const row = await ctx.handle.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', now)]),
        ]),
      )
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Lets a freezing worker claim every due job, round after round, until none is left. */
  async function runUntilFrozen(worker: JobWorker, reached: { count: number }): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      const due = await countDue();
      if (due === 0) return;
      const target = reached.count + due;
      void worker.runDue();
      await expect.poll(() => reached.count, { timeout: 20_000 }).toBe(target);
    }
  }

  async function pay(url: string, payload: Record<string, string>): Promise<void> {
    const started = await t.app.inject({ method: 'POST', url, payload });
    expect(started.statusCode).toBe(303);
    const paid = await t.app.inject({
      method: 'POST',
      url: `${String(started.headers.location)}/pay`,
    });
    expect(paid.statusCode).toBe(303);
  }

  it('leaves every member and gift right, with one e-mail each', async () => {
    await pay('/membership/checkout', { price: priceId, email: 'member@crash.test' });
    await pay('/gift', {
      months: '1',
      currency: 'eur',
      recipient_name: 'Iryna',
      recipient_email: 'iryna@crash.test',
      buyer_email: 'buyer@crash.test',
    });
    await pay('/donate', { currency: 'eur', preset: '1000', email: 'donor@crash.test' });

    // Killed before doing anything, then killed after each job's work but before its end.
    const before = { count: 0 };
    const zero = freezingWorker('before', before);
    const initial = await countDue();
    void zero.runDue();
    await expect.poll(() => before.count, { timeout: 20_000 }).toBe(initial);
    t.clock.advance(leaseMs * 2);
    const after = { count: 0 };
    await runUntilFrozen(freezingWorker('after', after), after);
    expect(after.count).toBeGreaterThan(initial);

    // A fresh worker after the restart finds every lease run out and runs everything again.
    t.clock.advance(leaseMs * 2);
    await drainJobs(t);

    const { members } = await t.services.members.listMembers(
      systemActor,
      { q: 'member@crash.test' },
      { page: 1, limit: 1 },
    );
    expect(members[0]?.status).toBe('paid');
    const gift = await ctx.handle.db.selectFrom('gifts').selectAll().executeTakeFirstOrThrow();
    expect(gift.status).toBe('delivered');
    const donation = await ctx.handle.db
      .selectFrom('donations')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(donation.status).toBe('paid');
    const payments = await ctx.handle.db.selectFrom('payments').select('purpose').execute();
    expect(payments.map((p) => p.purpose).sort()).toEqual(['donation', 'gift', 'membership']);
    const failed = await ctx.handle.db
      .selectFrom('jobs')
      .select('kind')
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);

    const mail = await readOutbox(t, admin);
    const to = (address: string) =>
      mail
        .filter((m) => m.to === address)
        .map((m) => m.subject)
        .sort();
    expect(to('member@crash.test')).toEqual(
      ['Welcome to Masthead membership', 'Your receipt from Masthead'].sort(),
    );
    expect(to('buyer@crash.test')).toEqual(['Your receipt from Masthead']);
    expect(to('iryna@crash.test')).toEqual(['Someone gave you a Masthead membership']);
    expect(to('donor@crash.test')).toEqual(['Your receipt from Masthead']);
  }, 120_000);
});
