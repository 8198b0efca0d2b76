import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { StaffUserRow, StaffUserTable } from './staff.table.js';

export async function insertStaffUser(
  executor: Executor,
  row: Insertable<StaffUserTable>,
): Promise<StaffUserRow> {
  return executor.insertInto('staff_users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateStaffUser(
  executor: Executor,
  id: string,
  changes: Updateable<StaffUserTable>,
): Promise<StaffUserRow | undefined> {
  return executor
    .updateTable('staff_users')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function findStaffUserById(
  executor: Executor,
  id: string,
): Promise<StaffUserRow | undefined> {
  return executor.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `email` must already be normalised (lowercase). */
export async function findStaffUserByEmail(
  executor: Executor,
  email: string,
): Promise<StaffUserRow | undefined> {
  return executor
    .selectFrom('staff_users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findStaffUserBySlug(
  executor: Executor,
  slug: string,
): Promise<StaffUserRow | undefined> {
  return executor.selectFrom('staff_users').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listStaffUsers(executor: Executor): Promise<StaffUserRow[]> {
  return executor.selectFrom('staff_users').selectAll().orderBy('name').orderBy('id').execute();
}

/** Slugs equal to `base` or of the form `base-…`; `base` holds only letters, digits and dashes. */
export async function listStaffSlugsLike(executor: Executor, base: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('staff_users')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return rows.map((row) => row.slug);
}

export async function countActiveOwners(executor: Executor): Promise<number> {
  const row = await executor
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
