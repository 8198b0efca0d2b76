import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import type { Db, Engine, Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { JobRow, JobStatus, JobTable } from './job.table.js';

/** Inserts a job unless one with the same idempotency key exists; says whether it did. */
export async function insertJob(executor: Executor, job: Insertable<JobTable>): Promise<boolean> {
  const inserted = await executor
    .insertInto('jobs')
    .values(job)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findJob(executor: Executor, id: string): Promise<JobRow | undefined> {
  return executor.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findJobByIdempotencyKey(
  executor: Executor,
  idempotencyKey: string,
): Promise<JobRow | undefined> {
  return executor
    .selectFrom('jobs')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** Newest first. */
export async function listJobs(
  executor: Executor,
  query: { readonly status?: JobStatus; readonly limit: number },
): Promise<JobRow[]> {
  let select = executor.selectFrom('jobs').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/** Deletes a job that has not started, freeing its idempotency key; says whether it did. */
export async function deleteQueuedJob(
  executor: Executor,
  idempotencyKey: string,
): Promise<boolean> {
  const result = await executor
    .deleteFrom('jobs')
    .where('idempotency_key', '=', idempotencyKey)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Which kinds a claim or a look may take: only these, or all but these. */
export type KindFilter =
  { readonly only: readonly [string, ...string[]] } | { readonly except: readonly string[] };

export interface ClaimRequest {
  readonly now: string;
  readonly leaseUntil: string;
  readonly limit: number;
  readonly kinds?: KindFilter;
}

/**
 * Queued jobs whose time has come, and running jobs whose worker's lease ran out; of the
 * kinds the filter lets through.
 */
function isDue(now: string, kinds?: KindFilter) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) => {
    const due = eb.or([
      eb.and([eb('jobs.status', '=', 'queued'), eb('jobs.run_at', '<=', now)]),
      eb.and([eb('jobs.status', '=', 'running'), eb('jobs.lease_until', '<', now)]),
    ]);
    if (kinds === undefined) return due;
    if ('only' in kinds) return eb.and([due, eb('jobs.kind', 'in', kinds.only)]);
    return kinds.except.length === 0 ? due : eb.and([due, eb('jobs.kind', 'not in', kinds.except)]);
  };
}

/**
 * Whether any job is due, by a plain read: on SQLite it takes no write lock, so an idle
 * worker polling every second never stands in the way of a writer in another process.
 */
export async function hasDueJob(
  executor: Executor,
  now: string,
  kinds?: KindFilter,
): Promise<boolean> {
  const row = await executor
    .selectFrom('jobs')
    .select('jobs.id')
    .where(isDue(now, kinds))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks up to `limit` due jobs running under a lease, counts the attempt, and returns them.
 * Takes the database itself, not a transaction: the claim must commit before any handler
 * runs, or other workers would not see the lease.
 */
export async function claimDueJobs(db: Db, engine: Engine, claim: ClaimRequest): Promise<JobRow[]> {
  return engine === 'postgres' ? claimOnPostgres(db, claim) : claimOnSqlite(db, claim);
}

/** SKIP LOCKED lets concurrent workers pass over rows another worker is claiming. */
async function claimOnPostgres(db: Db, claim: ClaimRequest): Promise<JobRow[]> {
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('jobs')
        .select('jobs.id')
        .where(isDue(claim.now, claim.kinds))
        .orderBy('jobs.run_at')
        .limit(claim.limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('jobs')
    .from('due')
    .set((eb) => ({
      status: 'running',
      attempts: eb('jobs.attempts', '+', 1),
      lease_until: claim.leaseUntil,
      updated_at: claim.now,
    }))
    .whereRef('jobs.id', '=', 'due.id')
    .returningAll('jobs')
    .execute();
}

/**
 * SQLite has one writer at a time. BEGIN IMMEDIATE takes the write lock before reading, so
 * a worker in another process waits (briefly: busy_timeout) instead of claiming from a stale
 * read. Callers look with `hasDueJob` first, so the lock is only taken when there is work.
 */
async function claimOnSqlite(db: Db, claim: ClaimRequest): Promise<JobRow[]> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const rows = await connection
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          lease_until: claim.leaseUntil,
          updated_at: claim.now,
        }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('jobs')
            .select('jobs.id')
            .where(isDue(claim.now, claim.kinds))
            .orderBy('jobs.run_at')
            .limit(claim.limit),
        )
        .returningAll()
        .execute();
      await sql`commit`.execute(connection);
      return rows;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/**
 * Which run of a job an outcome belongs to. An outcome only lands while that run still
 * holds the job: once its lease ran out and another worker claimed it, the late one is
 * ignored.
 */
export interface JobRun {
  readonly id: string;
  readonly attempt: number;
}

function updateOwnRun(executor: Executor, run: JobRun) {
  return executor
    .updateTable('jobs')
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .where('attempts', '=', run.attempt);
}

export async function markJobDone(executor: Executor, run: JobRun, now: string): Promise<boolean> {
  const result = await updateOwnRun(executor, run)
    .set({ status: 'done', lease_until: null, updated_at: now, finished_at: now })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markJobForRetry(
  executor: Executor,
  run: JobRun,
  retry: { readonly runAt: string; readonly error: string; readonly now: string },
): Promise<boolean> {
  const result = await updateOwnRun(executor, run)
    .set({
      status: 'queued',
      run_at: retry.runAt,
      lease_until: null,
      last_error: retry.error,
      updated_at: retry.now,
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markJobFailed(
  executor: Executor,
  run: JobRun,
  failure: { readonly error: string; readonly now: string },
): Promise<boolean> {
  const result = await updateOwnRun(executor, run)
    .set({
      status: 'failed',
      lease_until: null,
      last_error: failure.error,
      updated_at: failure.now,
      finished_at: failure.now,
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Puts a failed job back in the queue to run now with a fresh set of attempts; the last
 * error stays until the next attempt replaces it. Returns nothing if the job is not failed.
 */
export async function requeueFailedJob(
  executor: Executor,
  id: string,
  now: string,
): Promise<JobRow | undefined> {
  return executor
    .updateTable('jobs')
    .set({ status: 'queued', run_at: now, attempts: 0, updated_at: now, finished_at: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}
