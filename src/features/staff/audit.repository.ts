import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AuditLogRow, AuditLogTable } from './staff.table.js';

export async function insertAuditEntry(
  executor: Executor,
  row: Insertable<AuditLogTable>,
): Promise<void> {
  await executor.insertInto('audit_log').values(row).execute();
}

export async function findAuditEntryById(
  executor: Executor,
  id: string,
): Promise<AuditLogRow | undefined> {
  return executor.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Newest first. `before` is the position of the last entry already seen; ties on `at`
 * are broken by id so that paging never skips or repeats an entry.
 */
export async function listAuditEntries(
  executor: Executor,
  options: { limit: number; before?: { at: string; id: string } },
): Promise<AuditLogRow[]> {
  let query = executor
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  const before = options.before;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('at', '<', before.at),
        eb.and([eb('at', '=', before.at), eb('id', '<', before.id)]),
      ]),
    );
  }
  return query.execute();
}
