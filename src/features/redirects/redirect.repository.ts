import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RedirectRow, RedirectTable } from './redirect.table.js';

export function listRedirects(db: Executor): Promise<RedirectRow[]> {
  return db.selectFrom('redirects').selectAll().orderBy('from_path').execute();
}

export function findRedirectById(db: Executor, id: string): Promise<RedirectRow | undefined> {
  return db.selectFrom('redirects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The redirects whose from-path is one of `fromPaths`, in no particular order. */
export function findRedirectsFrom(
  db: Executor,
  fromPaths: readonly string[],
): Promise<RedirectRow[]> {
  if (fromPaths.length === 0) return Promise.resolve([]);
  return db.selectFrom('redirects').selectAll().where('from_path', 'in', fromPaths).execute();
}

export async function insertRedirect(db: Executor, row: Insertable<RedirectTable>): Promise<void> {
  await db.insertInto('redirects').values(row).execute();
}

export async function updateRedirect(
  db: Executor,
  id: string,
  changes: Updateable<RedirectTable>,
): Promise<void> {
  await db.updateTable('redirects').set(changes).where('id', '=', id).execute();
}

export async function deleteRedirect(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('redirects').where('id', '=', id).execute();
}
