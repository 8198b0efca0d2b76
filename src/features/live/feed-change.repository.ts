import { sql } from 'kysely';
import type { Engine, Executor, Trx } from '../../db/database.js';
import type { FeedChangeRow } from './feed-entry.table.js';

/** Any constant shared by every process; names the change log's advisory lock. */
const changeLogLockKey = 7_340_021;

/**
 * Appends one change and returns its id. Call inside the transaction that makes the change.
 *
 * On PostgreSQL two transactions can draw ids 5 and 6 and commit 6 first; a reader who saw
 * 6 would then skip 5 forever. A transaction-scoped advisory lock taken before drawing the
 * id makes ids commit in order. SQLite has one writer at a time, so it needs nothing.
 */
export async function appendChange(
  trx: Trx,
  engine: Engine,
  change: { entry_id: string; kind: string; entry: string | null; at: string },
): Promise<number> {
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(${changeLogLockKey})`.execute(trx);
  }
  const row = await trx
    .insertInto('feed_changes')
    .values(change)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes after `afterId`, oldest first. */
export function listChangesAfter(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<FeedChangeRow[]> {
  return db
    .selectFrom('feed_changes')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** The id of the newest change, or 0 when nothing has changed yet. */
export async function findLatestChangeId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('feed_changes')
    .select((eb) => eb.fn.max<number | null>('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** The id of the oldest change still kept, or 0 when the log is empty. */
export async function findOldestChangeId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('feed_changes')
    .select((eb) => eb.fn.min<number | null>('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/**
 * Deletes changes older than `before` (an ISO time) that are not among the newest `keep`;
 * returns how many went. The newest change always stays, so ids never start again.
 */
export async function deleteChangesBefore(
  db: Executor,
  rule: { readonly before: string; readonly keep: number },
): Promise<number> {
  const latest = await findLatestChangeId(db);
  const result = await db
    .deleteFrom('feed_changes')
    .where('id', '<=', latest - Math.max(rule.keep, 1))
    .where('at', '<', rule.before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
