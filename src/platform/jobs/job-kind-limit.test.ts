import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import type { JobHandlers, JobWorker } from './job-worker.js';
import { createNotifiedWorker, defer } from './test-support/notified-worker.js';
import './test-support/test-job-kind.js';

describeEachEngine('job worker with a kind limited to one at a time', (ctx, engine) => {
  const clock = createManualClock();
  const logger = createLogger('silent');
  const started: JobWorker[] = [];

  /** A worker that runs `test.limited` one at a time and hears of each enqueued job. */
  const limitedWorker = (handlers: JobHandlers) => {
    const notified = createNotifiedWorker({ db: ctx.handle.db, engine, clock, logger }, handlers, {
      kindLimits: { 'test.limited': 1 },
    });
    started.push(notified.worker);
    return notified;
  };

  beforeEach(async () => {
    clock.set('2026-03-01T08:00:00.000Z');
    await ctx.handle.db.deleteFrom('jobs').execute();
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((worker) => worker.stop()));
  });

  it('runs every due job in one runDue, the limited kind one after another and the rest beside them', async () => {
    const otherRan = defer();
    let running = 0;
    let mostAtOnce = 0;
    const ran: string[] = [];
    const { worker, jobs } = limitedWorker({
      'test.limited': async ({ label }) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        // The other kind's job runs while this one does: it is not held back.
        await otherRan.promise;
        ran.push(label);
        running -= 1;
      },
      'test.record': ({ label }) => {
        ran.push(label);
        otherRan.resolve();
        return Promise.resolve();
      },
    });
    for (const label of ['a', 'b', 'c']) {
      await jobs.enqueue(ctx.handle.db, 'test.limited', { label });
      clock.advance(1);
    }
    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'mail' });

    expect(await worker.runDue()).toBe(4);
    expect(mostAtOnce).toBe(1);
    expect(ran).toEqual(['mail', 'a', 'b', 'c']);
    const left = await ctx.handle.db
      .selectFrom('jobs')
      .select('status')
      .where('status', '!=', 'done')
      .execute();
    expect(left).toEqual([]);
  });

  it('leaves a second job of the kind queued while one runs, and starts it when that one ends', async () => {
    const release = defer();
    const ran: string[] = [];
    const { worker, jobs } = limitedWorker({
      'test.limited': async ({ label }) => {
        ran.push(label);
        if (label === 'first') await release.promise;
      },
      'test.record': ({ label }) => Promise.resolve(void ran.push(label)),
    });
    await jobs.enqueue(ctx.handle.db, 'test.limited', { label: 'first' });
    worker.start();
    await expect.poll(() => ran).toEqual(['first']);

    const second = await jobs.enqueue(ctx.handle.db, 'test.limited', { label: 'second' });
    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'mail' });
    await expect.poll(() => ran).toEqual(['first', 'mail']);
    // Not claimed: another worker with room may take it meanwhile.
    expect((await jobs.getJob(second.id)).status).toBe('queued');

    release.resolve();
    await expect.poll(() => ran).toEqual(['first', 'mail', 'second']);
    await expect.poll(async () => (await jobs.getJob(second.id)).status).toBe('done');
  });
});
