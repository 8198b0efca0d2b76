import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NewsletterRow, NewsletterTable } from './newsletter.table.js';

export async function listNewsletterRows(executor: Executor): Promise<NewsletterRow[]> {
  return executor
    .selectFrom('newsletters')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export async function findNewsletterRowById(
  executor: Executor,
  id: string,
): Promise<NewsletterRow | undefined> {
  return executor.selectFrom('newsletters').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNewsletterRowBySlug(
  executor: Executor,
  slug: string,
): Promise<NewsletterRow | undefined> {
  return executor.selectFrom('newsletters').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertNewsletterRow(
  executor: Executor,
  row: Insertable<NewsletterTable>,
): Promise<void> {
  await executor.insertInto('newsletters').values(row).execute();
}

export async function updateNewsletterRow(
  executor: Executor,
  id: string,
  changes: Updateable<NewsletterTable>,
): Promise<void> {
  await executor.updateTable('newsletters').set(changes).where('id', '=', id).execute();
}

/** Confirmed subscribers per newsletter. */
export async function countConfirmedByNewsletter(executor: Executor): Promise<Map<string, number>> {
  const rows = await executor
    .selectFrom('newsletter_subscriptions')
    .select((eb) => ['newsletter_id', eb.fn.countAll<number | string>().as('count')])
    .where('status', '=', 'confirmed')
    .groupBy('newsletter_id')
    .execute();
  return new Map(rows.map((row) => [row.newsletter_id, Number(row.count)]));
}
