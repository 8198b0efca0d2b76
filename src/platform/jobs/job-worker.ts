import type { Db, Engine } from '../../db/database.js';
import { toTimestamp, type Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { decideRetryDelayMs } from './job-backoff.js';
import type { JobKind, JobPayload } from './job-kinds.js';
import { isDatabaseBusy } from '../../db/database-busy.js';
import {
  claimDueJobs,
  hasDueJob,
  markJobDone,
  markJobFailed,
  markJobForRetry,
} from './job.repository.js';
import type { JobRow } from './job.table.js';

export interface JobContext {
  readonly job: JobRow;
  /** 1 for the first run; counts runs a crashed worker started, too. */
  readonly attempt: number;
}

/**
 * Runs one job. It may run more than once (a retry after an error, or after a worker
 * crashed mid-run), so it must be idempotent.
 */
export type JobHandler<K extends JobKind> = (
  payload: JobPayload<K>,
  context: JobContext,
) => Promise<void>;

/** A worker handles the kinds it has a handler for; a job of any other kind fails. */
export type JobHandlers = { readonly [K in JobKind]?: JobHandler<K> };

type AnyJobHandler = (payload: never, context: JobContext) => Promise<void>;

export interface JobWorkerDeps {
  readonly db: Db;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly handlers: JobHandlers;
  /** How long a run may take before other workers assume this one crashed. */
  readonly leaseMs?: number;
  /** Most jobs claimed, and run side by side, at once. */
  readonly batchSize?: number;
  /**
   * Most jobs of a kind this worker runs at once (a narration takes the speech engine, one
   * part at a time). Jobs beyond it stay queued, free for another worker, until one ends.
   */
  readonly kindLimits?: { readonly [K in JobKind]?: number };
  readonly pollMs?: number;
  /** Source of the retry jitter, in [0, 1); tests pass `() => 0`. */
  readonly random?: () => number;
}

export interface JobWorker {
  /**
   * Claims the jobs due now, runs them, and says how many it claimed. Jobs a kind's limit
   * held back run as the ones before them end, before it resolves.
   */
  runDue(): Promise<number>;
  /** Polls every `pollMs` until stopped; the timers do not keep the process alive. */
  start(): void;
  /** Stops polling and resolves once every job this worker started has finished. */
  stop(): Promise<void>;
  /** Polls now, e.g. because a job was just enqueued in this process. */
  notify(): void;
}

const longestErrorLength = 2_000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > longestErrorLength ? `${text.slice(0, longestErrorLength)}…` : text;
}

export function createJobWorker(deps: JobWorkerDeps): JobWorker {
  const { db, engine, clock, logger } = deps;
  const leaseMs = deps.leaseMs ?? 60_000;
  const batchSize = deps.batchSize ?? 10;
  const pollMs = deps.pollMs ?? 1_000;
  const random = deps.random ?? Math.random;
  const handlers = deps.handlers as Readonly<Record<string, AnyJobHandler | undefined>>;
  const inFlight = new Set<Promise<void>>();
  const kindLimits = new Map<string, number>(Object.entries(deps.kindLimits ?? {}));
  const limitedKinds = [...kindLimits.keys()];
  const runningByKind = new Map<string, number>();

  const now = (): string => toTimestamp(clock.now());

  const fields = (job: JobRow) => ({ jobId: job.id, kind: job.kind, attempt: job.attempts });
  const reportLate = (job: JobRow): void =>
    logger.warn(fields(job), 'job outcome ignored: its lease ran out and another run took over');

  async function fail(job: JobRow, error: string): Promise<void> {
    const run = { id: job.id, attempt: job.attempts };
    const recorded = await markJobFailed(db, run, { error, now: now() });
    if (recorded) logger.error({ ...fields(job), error }, 'job failed');
    else reportLate(job);
  }

  async function handleError(job: JobRow, error: unknown): Promise<void> {
    const message = describeError(error);
    if (job.attempts >= job.max_attempts) {
      await fail(job, message);
      return;
    }
    const delayMs = decideRetryDelayMs(job.attempts, random);
    const runAt = toTimestamp(new Date(clock.now().getTime() + delayMs));
    const run = { id: job.id, attempt: job.attempts };
    const recorded = await markJobForRetry(db, run, { runAt, error: message, now: now() });
    if (recorded)
      logger.warn({ ...fields(job), runAt, err: error }, 'job attempt failed; will retry');
    else reportLate(job);
  }

  async function runJob(job: JobRow): Promise<void> {
    const attempt = job.attempts;
    // A claim counts the attempt before running it, so this run is past the last one:
    // the worker that held the last attempt stopped without reporting back.
    if (attempt > job.max_attempts) {
      await fail(job, 'The worker running the last attempt stopped before it finished.');
      return;
    }
    const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
    if (handler === undefined) {
      await fail(
        job,
        `No handler is registered for job kind "${job.kind}". Run a worker that handles it, then retry the job.`,
      );
      return;
    }
    try {
      await handler(JSON.parse(job.payload) as never, { job, attempt });
    } catch (error) {
      await handleError(job, error);
      return;
    }
    const recorded = await markJobDone(db, { id: job.id, attempt }, now());
    if (!recorded) reportLate(job);
  }

  function track(job: JobRow): Promise<void> {
    runningByKind.set(job.kind, (runningByKind.get(job.kind) ?? 0) + 1);
    const run = runJob(job)
      .catch((error: unknown) => {
        // Recording the outcome failed; the lease runs out and another worker picks it up.
        logger.error({ ...fields(job), err: error }, 'job outcome not recorded');
      })
      .finally(() => {
        runningByKind.set(job.kind, (runningByKind.get(job.kind) ?? 1) - 1);
        inFlight.delete(run);
      });
    inFlight.add(run);
    return run;
  }

  /** How many more jobs of each limited kind may start now. */
  function roomByKind(): Map<string, number> {
    return new Map(
      limitedKinds.map((kind) => [
        kind,
        (kindLimits.get(kind) ?? 0) - (runningByKind.get(kind) ?? 0),
      ]),
    );
  }

  /**
   * Claims at most `limit` due jobs, each limited kind within its room, and starts them:
   * the unlimited kinds first, then each limited kind that has room and a job due.
   */
  async function claim(limit: number, at = clock.now()): Promise<Promise<void>[]> {
    const now = toTimestamp(at);
    const rooms = roomByKind();
    const full = limitedKinds.filter((kind) => (rooms.get(kind) ?? 0) <= 0);
    // Idle polls only read; the claim (a write, and SQLite's write lock) waits for work.
    if (!(await hasDueJob(db, now, { except: full }))) return [];
    const request = { now, leaseUntil: toTimestamp(new Date(at.getTime() + leaseMs)) };
    const jobs = await claimDueJobs(db, engine, {
      ...request,
      limit,
      kinds: { except: limitedKinds },
    });
    for (const [kind, room] of rooms) {
      const left = Math.min(room, limit - jobs.length);
      if (left <= 0 || !(await hasDueJob(db, now, { only: [kind] }))) continue;
      jobs.push(
        ...(await claimDueJobs(db, engine, { ...request, limit: left, kinds: { only: [kind] } })),
      );
    }
    return jobs.map(track);
  }

  async function runDue(): Promise<number> {
    const at = clock.now();
    let claimed = 0;
    for (;;) {
      const runs = await claim(batchSize, at);
      await Promise.all(runs);
      claimed += runs.length;
      // A limited kind's jobs wait their turn: run the next while any was due when called.
      const [first, ...rest] = limitedKinds;
      if (runs.length === 0 || first === undefined) return claimed;
      if (!(await hasDueJob(db, toTimestamp(at), { only: [first, ...rest] }))) return claimed;
    }
  }

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let wakeRequests = 0;

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void poll(), delayMs);
    timer.unref();
  }

  /**
   * Fills the free places among `batchSize` running jobs, without waiting for the ones
   * running: a long job (a narration) never holds back a sign-in e-mail queued after it.
   * Each job that ends looks for more.
   */
  async function drain(): Promise<void> {
    // Every place taken suggests more are waiting; a notify meanwhile asks for another look.
    for (;;) {
      const wakeRequestsBefore = wakeRequests;
      const room = batchSize - inFlight.size;
      if (room <= 0) return;
      const runs = await claim(room);
      for (const run of runs) void run.finally(wake);
      const woken = wakeRequests !== wakeRequestsBefore;
      if (!started || (runs.length < room && !woken)) return;
    }
  }

  function wake(): void {
    if (!started) return;
    if (polling !== undefined) wakeRequests += 1;
    else schedule(0);
  }

  async function poll(): Promise<void> {
    timer = undefined;
    polling = drain().catch((error: unknown) => {
      // Another process holding the write lock is ordinary: the next poll tries again.
      if (isDatabaseBusy(error)) logger.debug({ err: error }, 'database busy; claiming later');
      else logger.error({ err: error }, 'job worker could not claim jobs');
    });
    await polling;
    polling = undefined;
    if (started) schedule(pollMs);
  }

  return {
    runDue,
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      timer = undefined;
      await polling;
      await Promise.all([...inFlight]);
    },
    notify: wake,
  };
}
