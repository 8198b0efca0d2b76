import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { createJobQueue, type JobQueueDeps } from './job-queue.js';
import { claimDueJobs, markJobFailed } from './job.repository.js';
import './test-support/test-job-kind.js';

describeEachEngine('job queue', (ctx, engine) => {
  const clock = createManualClock('2026-03-01T08:00:00.000Z');
  const logger = createLogger('silent');
  const queueWith = (extra: Partial<JobQueueDeps> = {}) =>
    createJobQueue({ db: ctx.handle.db, engine, clock, logger, ...extra });

  beforeEach(async () => {
    clock.set('2026-03-01T08:00:00.000Z');
    await ctx.handle.db.deleteFrom('jobs').execute();
  });

  it('stores a queued job with its payload, due now unless told otherwise', async () => {
    const queue = queueWith();
    const now = await queue.enqueue(ctx.handle.db, 'test.record', { label: 'now' });
    const later = await queue.enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'later' },
      { runAt: new Date('2026-03-02T06:00:00.000Z'), maxAttempts: 2 },
    );

    const first = await queue.getJob(now.id);
    expect(first).toMatchObject({
      kind: 'test.record',
      status: 'queued',
      run_at: '2026-03-01T08:00:00.000Z',
      attempts: 0,
      max_attempts: 5,
    });
    expect(JSON.parse(first.payload)).toEqual({ label: 'now' });
    expect(await queue.getJob(later.id)).toMatchObject({
      run_at: '2026-03-02T06:00:00.000Z',
      max_attempts: 2,
    });
  });

  it('returns the first job and writes no second one when the idempotency key repeats', async () => {
    const queue = queueWith();
    const key = { idempotencyKey: 'publish:post-1' };
    const first = await queue.enqueue(ctx.handle.db, 'test.record', { label: 'a' }, key);
    const second = await queue.enqueue(ctx.handle.db, 'test.record', { label: 'b' }, key);

    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const jobs = await queue.listJobs({ limit: 10 });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]?.payload ?? '')).toEqual({ label: 'a' });
  });

  it('dedupes a repeated key inside the caller’s transaction too', async () => {
    const queue = queueWith();
    const results = await ctx.handle.db
      .transaction()
      .execute(async (trx) => [
        await queue.enqueue(trx, 'test.record', { label: 'a' }, { idempotencyKey: 'k' }),
        await queue.enqueue(trx, 'test.record', { label: 'a' }, { idempotencyKey: 'k' }),
      ]);

    expect(results.map((result) => result.created)).toEqual([true, false]);
    expect(await queue.listJobs({ limit: 10 })).toHaveLength(1);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const queue = queueWith();
    await expect(
      ctx.handle.db.transaction().execute(async (trx) => {
        await queue.enqueue(trx, 'test.record', { label: 'lost' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await queue.listJobs({ limit: 10 })).toEqual([]);
  });

  it('cancels a queued job so its key can schedule the new time', async () => {
    const queue = queueWith();
    await queue.enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'old' },
      { idempotencyKey: 'publish:post-2', runAt: new Date('2026-03-05T09:00:00.000Z') },
    );

    expect(await queue.cancel(ctx.handle.db, 'publish:post-2')).toBe(true);
    const moved = await queue.enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'new' },
      { idempotencyKey: 'publish:post-2', runAt: new Date('2026-03-06T09:00:00.000Z') },
    );

    expect(moved.created).toBe(true);
    const jobs = await queue.listJobs({ limit: 10 });
    expect(jobs.map((job) => job.run_at)).toEqual(['2026-03-06T09:00:00.000Z']);
  });

  it('does not cancel a job that a worker has already started', async () => {
    const queue = queueWith();
    await queue.enqueue(ctx.handle.db, 'test.record', { label: 'x' }, { idempotencyKey: 'busy' });
    await claimDueJobs(ctx.handle.db, engine, {
      now: clock.now().toISOString(),
      leaseUntil: '2026-03-01T08:01:00.000Z',
      limit: 1,
    });

    expect(await queue.cancel(ctx.handle.db, 'busy')).toBe(false);
    expect(await queue.listJobs({ status: 'running', limit: 10 })).toHaveLength(1);
  });

  it('lists only jobs of the asked status, newest first', async () => {
    const queue = queueWith();
    await queue.enqueue(ctx.handle.db, 'test.record', { label: 'older' });
    clock.advance(1_000);
    await queue.enqueue(ctx.handle.db, 'test.record', { label: 'newer' });

    const queued = await queue.listJobs({ status: 'queued', limit: 10 });
    expect(queued.map((job) => JSON.parse(job.payload) as unknown)).toEqual([
      { label: 'newer' },
      { label: 'older' },
    ]);
    expect(await queue.listJobs({ status: 'failed', limit: 10 })).toEqual([]);
  });

  it('puts a failed job back in the queue to run now with fresh attempts', async () => {
    const queue = queueWith();
    const { id } = await queue.enqueue(ctx.handle.db, 'test.record', { label: 'x' });
    const [claimed] = await claimDueJobs(ctx.handle.db, engine, {
      now: clock.now().toISOString(),
      leaseUntil: '2026-03-01T08:01:00.000Z',
      limit: 1,
    });
    await markJobFailed(
      ctx.handle.db,
      { id, attempt: claimed?.attempts ?? 0 },
      { error: 'Error: mail server refused', now: clock.now().toISOString() },
    );
    clock.advance(3_600_000);

    const retried = await queue.retryJob(id);

    expect(retried).toMatchObject({
      status: 'queued',
      attempts: 0,
      run_at: '2026-03-01T09:00:00.000Z',
      finished_at: null,
      last_error: 'Error: mail server refused',
    });
  });

  it('refuses to retry a job that has not failed', async () => {
    const queue = queueWith();
    const { id } = await queue.enqueue(ctx.handle.db, 'test.record', { label: 'x' });

    await expect(queue.retryJob(id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reports a missing job as not found', async () => {
    await expect(queueWith().getJob('no-such-job')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('wakes the worker for a job due now but not for one scheduled later', async () => {
    let wakes = 0;
    const queue = queueWith({ onEnqueued: () => (wakes += 1) });
    await queue.enqueue(ctx.handle.db, 'test.record', { label: 'now' });
    await queue.enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'later' },
      { runAt: new Date('2026-03-09T00:00:00.000Z') },
    );

    expect(wakes).toBe(1);
  });
});
