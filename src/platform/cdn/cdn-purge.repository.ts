import type { Executor } from '../../db/database.js';
import type { CdnPurgeRequestRow } from './cdn-purge.table.js';

/** Records keys to purge; a key already waiting keeps one row, stamped with the latest time. */
export async function upsertPurgeRequests(
  executor: Executor,
  keys: readonly string[],
  requestedAt: string,
): Promise<void> {
  if (keys.length === 0) return;
  await executor
    .insertInto('cdn_purge_requests')
    .values(keys.map((key) => ({ surrogate_key: key, requested_at: requestedAt })))
    .onConflict((oc) => oc.column('surrogate_key').doUpdateSet({ requested_at: requestedAt }))
    .execute();
}

/** Oldest first, so a long backlog is purged in the order it built up. */
export async function listPurgeRequests(
  executor: Executor,
  limit: number,
): Promise<CdnPurgeRequestRow[]> {
  return executor
    .selectFrom('cdn_purge_requests')
    .selectAll()
    .orderBy('requested_at')
    .orderBy('surrogate_key')
    .limit(limit)
    .execute();
}

/**
 * Removes requests a purge covered. A key that went stale again meanwhile has a newer
 * stamp and stays, so the next purge picks it up.
 */
export async function deletePurgeRequests(
  executor: Executor,
  rows: readonly CdnPurgeRequestRow[],
): Promise<void> {
  for (const row of rows) {
    await executor
      .deleteFrom('cdn_purge_requests')
      .where('surrogate_key', '=', row.surrogate_key)
      .where('requested_at', '=', row.requested_at)
      .execute();
  }
}

export async function countPurgeRequests(executor: Executor): Promise<number> {
  const row = await executor
    .selectFrom('cdn_purge_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return row?.n ?? 0;
}
