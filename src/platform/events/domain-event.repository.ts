import { sql } from 'kysely';
import type { Engine, Executor, Trx } from '../../db/database.js';
import type { DomainEventRow } from './domain-event.table.js';

/** Any constant shared by every process; names the event log's advisory lock. */
const eventLogLockKey = 7_340_022;

/**
 * Appends one event and returns its id. Call inside the transaction that makes the change.
 *
 * On PostgreSQL two transactions can draw ids 5 and 6 and commit 6 first; a process that
 * read 6 would then skip 5 forever. A transaction-scoped advisory lock taken before drawing
 * the id makes ids commit in order (writers that record events queue for the moment from
 * the insert to their commit). SQLite has one writer at a time, so it needs nothing.
 */
export async function insertEvent(
  trx: Trx,
  engine: Engine,
  event: { name: string; payload: string; created_at: string },
): Promise<number> {
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(${eventLogLockKey})`.execute(trx);
  }
  const row = await trx
    .insertInto('domain_events')
    .values(event)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Events after `afterId`, oldest first. */
export function listEventsAfter(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<DomainEventRow[]> {
  return db
    .selectFrom('domain_events')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** The id of the newest event, or 0 when none was recorded. */
export async function findLatestEventId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('domain_events')
    .select((eb) => eb.fn.max<number | null>('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** The id of the oldest event still kept, or 0 when none is. */
export async function findOldestEventId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('domain_events')
    .select((eb) => eb.fn.min<number | null>('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** Deletes events recorded before `before` (an ISO time), keeping the newest; says how many. */
export async function deleteEventsBefore(db: Executor, before: string): Promise<number> {
  const latest = await findLatestEventId(db);
  const result = await db
    .deleteFrom('domain_events')
    .where('created_at', '<', before)
    .where('id', '<', latest)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
