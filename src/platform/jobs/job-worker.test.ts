import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/database.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { createJobQueue } from './job-queue.js';
import { createJobWorker, type JobHandlers, type JobWorker } from './job-worker.js';
import { claimDueJobs } from './job.repository.js';
import { createNotifiedWorker, defer, type Deferred } from './test-support/notified-worker.js';
import './test-support/test-job-kind.js';

describeEachEngine('job worker', (ctx, engine) => {
  const clock = createManualClock();
  const logger = createLogger('silent');
  const started: JobWorker[] = [];

  const queue = () => createJobQueue({ db: ctx.handle.db, engine, clock, logger });
  const workerWith = (handlers: JobHandlers, db: Db = ctx.handle.db, batchSize = 10) =>
    createJobWorker({ db, engine, clock, logger, handlers, batchSize, random: () => 0 });

  /** A worker (stopped after the test) that hears of each job enqueued through `jobs`. */
  const notifiedWorker = (handlers: JobHandlers, batchSize = 10) => {
    const notified = createNotifiedWorker({ db: ctx.handle.db, engine, clock, logger }, handlers, {
      batchSize,
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

  it('runs a due job once with its payload and marks it done', async () => {
    const seen: unknown[] = [];
    const worker = workerWith({
      'test.record': (payload, { attempt }) => {
        seen.push({ payload, attempt });
        return Promise.resolve();
      },
    });
    const { id } = await queue().enqueue(ctx.handle.db, 'test.record', { label: 'hello' });

    expect(await worker.runDue()).toBe(1);
    expect(await worker.runDue()).toBe(0);

    expect(seen).toEqual([{ payload: { label: 'hello' }, attempt: 1 }]);
    expect(await queue().getJob(id)).toMatchObject({
      status: 'done',
      attempts: 1,
      lease_until: null,
      finished_at: '2026-03-01T08:00:00.000Z',
    });
  });

  it('leaves a job scheduled for later until its time comes', async () => {
    let runs = 0;
    const worker = workerWith({ 'test.record': () => Promise.resolve(void (runs += 1)) });
    await queue().enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'later' },
      { runAt: new Date('2026-03-01T10:00:00.000Z') },
    );

    expect(await worker.runDue()).toBe(0);
    clock.set('2026-03-01T10:00:00.000Z');
    expect(await worker.runDue()).toBe(1);
    expect(runs).toBe(1);
  });

  it('retries a failed attempt after 30 seconds, then 60, and records the success', async () => {
    let calls = 0;
    const worker = workerWith({
      'test.record': () => {
        calls += 1;
        return calls <= 2 ? Promise.reject(new Error('SMTP 451 try later')) : Promise.resolve();
      },
    });
    const { id } = await queue().enqueue(ctx.handle.db, 'test.record', { label: 'mail' });

    await worker.runDue();
    expect(await queue().getJob(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      run_at: '2026-03-01T08:00:30.000Z',
      last_error: 'Error: SMTP 451 try later',
    });

    clock.advance(29_999);
    expect(await worker.runDue()).toBe(0);
    clock.advance(1);
    await worker.runDue();
    expect(await queue().getJob(id)).toMatchObject({
      status: 'queued',
      attempts: 2,
      run_at: '2026-03-01T08:01:30.000Z',
    });

    clock.advance(60_000);
    await worker.runDue();
    expect(await queue().getJob(id)).toMatchObject({ status: 'done', attempts: 3 });
    expect(calls).toBe(3);
  });

  it('keeps a job that failed its last attempt, visible as failed with the error', async () => {
    const worker = workerWith({
      'test.record': () => Promise.reject(new TypeError('post 42 has no body')),
    });
    const { id } = await queue().enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'doomed' },
      { maxAttempts: 2 },
    );

    await worker.runDue();
    clock.advance(30_000);
    await worker.runDue();
    clock.advance(24 * 3_600_000);
    expect(await worker.runDue()).toBe(0);

    const failed = await queue().listJobs({ status: 'failed', limit: 10 });
    expect(failed.map((job) => job.id)).toEqual([id]);
    expect(failed[0]).toMatchObject({
      attempts: 2,
      last_error: 'TypeError: post 42 has no body',
      finished_at: '2026-03-01T08:00:30.000Z',
    });
  });

  it('fails a job of a kind it has no handler for, saying so', async () => {
    const worker = workerWith({});
    const { id } = await queue().enqueue(ctx.handle.db, 'test.record', { label: 'orphan' });

    await worker.runDue();

    const job = await queue().getJob(id);
    expect(job.status).toBe('failed');
    expect(job.last_error).toContain('No handler is registered for job kind "test.record"');
  });

  it('takes over a job whose worker crashed once its lease has run out', async () => {
    const attempts: number[] = [];
    const worker = workerWith({
      'test.record': (_payload, { attempt }) => Promise.resolve(void attempts.push(attempt)),
    });
    const { id } = await queue().enqueue(ctx.handle.db, 'test.record', { label: 'x' });
    // A worker claims the job and then dies without reporting back.
    await claimDueJobs(ctx.handle.db, engine, {
      now: clock.now().toISOString(),
      leaseUntil: '2026-03-01T08:01:00.000Z',
      limit: 10,
    });

    expect(await worker.runDue()).toBe(0);
    clock.set('2026-03-01T08:01:00.001Z');
    expect(await worker.runDue()).toBe(1);

    expect(attempts).toEqual([2]);
    expect(await queue().getJob(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('fails a job whose worker crashed during its last attempt instead of running it again', async () => {
    let runs = 0;
    const worker = workerWith({ 'test.record': () => Promise.resolve(void (runs += 1)) });
    const { id } = await queue().enqueue(
      ctx.handle.db,
      'test.record',
      { label: 'x' },
      { maxAttempts: 1 },
    );
    await claimDueJobs(ctx.handle.db, engine, {
      now: clock.now().toISOString(),
      leaseUntil: '2026-03-01T08:01:00.000Z',
      limit: 10,
    });
    clock.set('2026-03-01T08:02:00.000Z');

    await worker.runDue();

    expect(runs).toBe(0);
    expect(await queue().getJob(id)).toMatchObject({
      status: 'failed',
      last_error: 'The worker running the last attempt stopped before it finished.',
    });
  });

  it('ignores the late outcome of a run whose lease another worker took over', async () => {
    const release = defer();
    const slowStarted = defer();
    const slow = workerWith({
      'test.record': async () => {
        slowStarted.resolve();
        await release.promise;
        throw new Error('too late to matter');
      },
    });
    const fast = workerWith({ 'test.record': () => Promise.resolve() });
    const { id } = await queue().enqueue(ctx.handle.db, 'test.record', { label: 'x' });

    const slowRun = slow.runDue();
    await slowStarted.promise;
    clock.advance(60_001);
    expect(await fast.runDue()).toBe(1);
    release.resolve();
    await slowRun;

    expect(await queue().getJob(id)).toMatchObject({
      status: 'done',
      attempts: 2,
      last_error: null,
    });
  });

  it('runs a job enqueued while started without waiting for the next poll', async () => {
    const ran = new Map<string, Deferred>([
      ['first', defer()],
      ['second', defer()],
    ]);
    const { worker, jobs } = notifiedWorker({
      'test.record': ({ label }) => Promise.resolve(ran.get(label)?.resolve()),
    });
    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'first' });
    worker.start();
    await ran.get('first')?.promise;

    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'second' });

    await ran.get('second')?.promise;
  });

  it('runs a job queued behind a long one without waiting for the long one to end', async () => {
    const release = defer();
    const slowStarted = defer();
    const quickRan = defer();
    const ran: string[] = [];
    const { worker, jobs } = notifiedWorker({
      'test.record': async ({ label }) => {
        ran.push(label);
        if (label === 'slow') {
          slowStarted.resolve();
          await release.promise;
        } else quickRan.resolve();
      },
    });
    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'slow' });
    worker.start();
    await slowStarted.promise;

    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'quick' });
    await quickRan.promise;
    expect(ran).toEqual(['slow', 'quick']);
    release.resolve();
  });

  it('with every place taken, starts the next job as soon as one ends, not at the next poll', async () => {
    const release = defer();
    const secondRan = defer();
    const ran: string[] = [];
    const { worker, jobs } = notifiedWorker(
      {
        'test.record': async ({ label }) => {
          ran.push(label);
          if (label === 'first') await release.promise;
          else secondRan.resolve();
        },
      },
      1,
    );
    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'first' });
    worker.start();
    await expect.poll(() => ran).toEqual(['first']);
    await jobs.enqueue(ctx.handle.db, 'test.record', { label: 'second' });
    // The one place is taken: the second waits.
    expect(ran).toEqual(['first']);
    release.resolve();
    await secondRan.promise;
    expect(ran).toEqual(['first', 'second']);
  });

  it('stops only after the job it is running has been recorded', async () => {
    const release = defer();
    const handlerStarted = defer();
    const worker = workerWith({
      'test.record': async () => {
        handlerStarted.resolve();
        await release.promise;
      },
    });
    const { id } = await queue().enqueue(ctx.handle.db, 'test.record', { label: 'x' });
    worker.start();
    await handlerStarted.promise;

    const stopping = worker.stop();
    release.resolve();
    await stopping;

    expect((await queue().getJob(id)).status).toBe('done');
  });

  it('polls an empty queue while another process holds the write lock', async () => {
    // Another process's writer: SQLite's write lock, or a PostgreSQL lock that lets only reads by.
    let release: () => Promise<void>;
    if (engine === 'sqlite') {
      const other = new SQLite(ctx.url.slice('sqlite:'.length));
      other.exec('BEGIN IMMEDIATE');
      release = () => {
        other.exec('ROLLBACK');
        other.close();
        return Promise.resolve();
      };
    } else {
      const other = new pg.Client({ connectionString: ctx.url });
      await other.connect();
      await other.query('begin');
      await other.query('lock table jobs in exclusive mode');
      release = async () => {
        await other.query('rollback');
        await other.end();
      };
    }
    try {
      expect(await workerWith({}).runDue()).toBe(0);
    } finally {
      await release();
    }
  });

  it.runIf(engine === 'postgres')(
    'runs each of 50 jobs exactly once when two workers claim at the same time',
    async () => {
      const other = openDatabase(ctx.url);
      try {
        const calls = new Map<string, number>();
        const handlers: JobHandlers = {
          'test.record': ({ label }) => {
            calls.set(label, (calls.get(label) ?? 0) + 1);
            return Promise.resolve();
          },
        };
        for (let n = 0; n < 50; n += 1) {
          await queue().enqueue(ctx.handle.db, 'test.record', { label: `job-${n}` });
        }
        const drain = async (worker: JobWorker): Promise<number> => {
          let total = 0;
          for (;;) {
            const claimed = await worker.runDue();
            if (claimed === 0) return total;
            total += claimed;
          }
        };

        const claimed = await Promise.all([
          drain(workerWith(handlers, ctx.handle.db, 5)),
          drain(workerWith(handlers, other.db, 5)),
        ]);

        expect(claimed[0] + claimed[1]).toBe(50);
        expect(calls.size).toBe(50);
        expect([...calls.values()].every((count) => count === 1)).toBe(true);
        expect(await queue().listJobs({ status: 'done', limit: 100 })).toHaveLength(50);
      } finally {
        await other.close();
      }
    },
  );
});
