import type { Executor, Trx } from '../../db/database.js';
import type { MembershipPriceRow, MembershipTierRow } from './memberships.table.js';

/** Tiers in their order on the page, with all their prices. */
export async function listTierRows(
  db: Executor,
  activeOnly: boolean,
): Promise<{ tiers: MembershipTierRow[]; prices: MembershipPriceRow[] }> {
  let query = db.selectFrom('membership_tiers').selectAll();
  if (activeOnly) query = query.where('active', '=', 1);
  const tiers = await query.orderBy('position').orderBy('name').execute();
  if (tiers.length === 0) return { tiers, prices: [] };
  const prices = await db
    .selectFrom('membership_prices')
    .selectAll()
    .where(
      'tier_id',
      'in',
      tiers.map((row) => row.id),
    )
    .orderBy('interval')
    .orderBy('currency')
    .execute();
  return { tiers, prices };
}

export async function isTierSlugTaken(trx: Trx, slug: string, exceptId: string): Promise<boolean> {
  const clash = await trx
    .selectFrom('membership_tiers')
    .select('id')
    .where('slug', '=', slug)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return clash !== undefined;
}

type TierColumns = Omit<MembershipTierRow, 'id' | 'created_at'>;

export async function insertTierRow(
  trx: Trx,
  id: string,
  columns: TierColumns,
  at: string,
): Promise<void> {
  await trx
    .insertInto('membership_tiers')
    .values({ id, ...columns, created_at: at })
    .execute();
}

/** Changes a tier and drops its prices (the caller writes the new ones); false if none. */
export async function updateTierRow(trx: Trx, id: string, columns: TierColumns): Promise<boolean> {
  const result = await trx
    .updateTable('membership_tiers')
    .set(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await trx.deleteFrom('membership_prices').where('tier_id', '=', id).execute();
  return true;
}

export async function insertPriceRows(
  trx: Trx,
  rows: readonly MembershipPriceRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('membership_prices')
    .values([...rows])
    .execute();
}
