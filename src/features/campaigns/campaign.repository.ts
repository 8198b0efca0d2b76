import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  CampaignContributionTable,
  CampaignRow,
  CampaignTable,
  CampaignVariantRow,
  CampaignVariantTable,
} from './campaign.table.js';

export async function listCampaignRows(db: Executor): Promise<CampaignRow[]> {
  return db.selectFrom('campaigns').selectAll().orderBy('starts_at', 'desc').execute();
}

export async function findCampaignRow(db: Executor, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCampaignRowBySlug(
  db: Executor,
  slug: string,
): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Campaigns whose window holds `at`, the latest started first. */
export async function listCampaignRowsRunningAt(db: Executor, at: string): Promise<CampaignRow[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('starts_at', 'desc')
    .execute();
}

export async function insertCampaign(db: Executor, row: Insertable<CampaignTable>): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export async function updateCampaign(
  db: Executor,
  id: string,
  changes: Updateable<CampaignTable>,
): Promise<void> {
  await db.updateTable('campaigns').set(changes).where('id', '=', id).execute();
}

export async function deleteCampaign(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('campaign_variants').where('campaign_id', '=', id).execute();
  await db.deleteFrom('campaigns').where('id', '=', id).execute();
}

export async function listVariantRows(
  db: Executor,
  campaignIds: readonly string[],
): Promise<CampaignVariantRow[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('campaign_variants')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .orderBy('position')
    .execute();
}

export async function insertVariant(
  db: Executor,
  row: Insertable<CampaignVariantTable>,
): Promise<void> {
  await db.insertInto('campaign_variants').values(row).execute();
}

export async function updateVariant(
  db: Executor,
  id: string,
  changes: Updateable<CampaignVariantTable>,
): Promise<void> {
  await db.updateTable('campaign_variants').set(changes).where('id', '=', id).execute();
}

/** Adds impressions or clicks to variants of one campaign; unknown ids change nothing. */
export async function addToVariantCounter(
  db: Executor,
  campaignId: string,
  counter: 'impressions' | 'clicks',
  variantId: string,
  amount: number,
): Promise<number> {
  const result = await db
    .updateTable('campaign_variants')
    .set(counter, sql`${sql.ref(counter)} + ${amount}`)
    .where('id', '=', variantId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertContribution(
  db: Executor,
  row: Insertable<CampaignContributionTable>,
): Promise<void> {
  await db.insertInto('campaign_contributions').values(row).execute();
}

export interface CountWindow {
  readonly from: string;
  readonly until: string;
  readonly kinds: readonly string[];
  /** Given for a money goal: sum the amounts in this currency instead of counting. */
  readonly currency: string | null;
}

/** Contributions of the counted kinds in the window: their number, or their sum in a currency. */
export async function countContributions(db: Executor, window: CountWindow): Promise<number> {
  let query = db
    .selectFrom('campaign_contributions')
    .where('occurred_at', '>=', window.from)
    .where('occurred_at', '<', window.until)
    .where('kind', 'in', window.kinds);
  if (window.currency !== null) query = query.where('currency', '=', window.currency);
  const row = await query
    .select((eb) =>
      window.currency === null
        ? eb.fn.countAll<string | number>().as('total')
        : eb.fn.coalesce(eb.fn.sum<string | number>('amount_minor'), sql<number>`0`).as('total'),
    )
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Everyone who ever gave money: distinct members where known, each anonymous gift once. */
export async function countSupporters(db: Executor, kinds: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom('campaign_contributions')
    .where('kind', 'in', kinds)
    .select((eb) => [
      eb.fn.count<string | number>('member_id').distinct().as('members'),
      eb.fn
        .sum<string | number>(eb.case().when('member_id', 'is', null).then(1).else(0).end())
        .as('unknown'),
    ])
    .executeTakeFirst();
  return Number(row?.members ?? 0) + Number(row?.unknown ?? 0);
}

export interface ConversionRow {
  readonly variant_id: string | null;
  readonly conversions: string | number;
}

export async function countConversionsByVariant(
  db: Executor,
  campaignId: string,
): Promise<ConversionRow[]> {
  return db
    .selectFrom('campaign_contributions')
    .where('campaign_id', '=', campaignId)
    .where('variant_id', 'is not', null)
    .groupBy('variant_id')
    .select((eb) => ['variant_id', eb.fn.countAll<string | number>().as('conversions')])
    .execute();
}

export interface DayRow {
  readonly day: string;
  readonly contributions: string | number;
  readonly amount: string | number | null;
}

/** Counted contributions per UTC day of the window, for the progress chart. */
export async function countContributionsByDay(
  db: Executor,
  window: CountWindow,
): Promise<DayRow[]> {
  let query = db
    .selectFrom('campaign_contributions')
    .where('occurred_at', '>=', window.from)
    .where('occurred_at', '<', window.until)
    .where('kind', 'in', window.kinds);
  if (window.currency !== null) query = query.where('currency', '=', window.currency);
  const day = sql<string>`substr(occurred_at, 1, 10)`;
  return query
    .select((eb) => [
      day.as('day'),
      eb.fn.countAll<string | number>().as('contributions'),
      eb.fn.sum<string | number>('amount_minor').as('amount'),
    ])
    .groupBy(day)
    .orderBy(day)
    .execute();
}

export interface WallRow {
  readonly id: string;
  readonly wall_first_name: string | null;
  readonly wall_city: string | null;
  readonly occurred_at: string;
}

/** Supporters in the window who agreed to be thanked, newest first. */
export async function listWallRows(
  db: Executor,
  window: { from: string; until: string },
  limit: number,
  offset: number,
): Promise<WallRow[]> {
  return db
    .selectFrom('campaign_contributions')
    .where('occurred_at', '>=', window.from)
    .where('occurred_at', '<', window.until)
    .where('on_wall', '=', 1)
    .select(['id', 'wall_first_name', 'wall_city', 'occurred_at'])
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Many contributions at once (the demo's history), in chunks the engines accept. */
export async function insertContributions(
  db: Executor,
  rows: readonly Insertable<CampaignContributionTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('campaign_contributions')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Whether a variant of this id belongs to this campaign. */
export async function isVariantOfCampaign(
  db: Executor,
  campaignId: string,
  variantId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_variants')
    .select('id')
    .where('id', '=', variantId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return row !== undefined;
}
