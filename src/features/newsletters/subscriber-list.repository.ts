import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** Subscribers of one newsletter, newest first, for the CMS and the CSV export. */
export async function listSubscribersOf(
  executor: Executor,
  query: { newsletterId: string; status?: string; q?: string; limit: number; offset: number },
) {
  let select = executor
    .selectFrom('newsletter_subscriptions as s')
    .innerJoin('newsletter_subscribers as sub', 'sub.id', 's.subscriber_id')
    .select([
      'sub.id',
      'sub.email',
      's.status',
      's.source',
      's.created_at',
      's.confirmed_at',
      's.ended_at',
    ])
    .where('s.newsletter_id', '=', query.newsletterId);
  if (query.status !== undefined) select = select.where('s.status', '=', query.status);
  if (query.q !== undefined && query.q !== '')
    select = select.where('sub.email', 'like', `%${query.q.toLowerCase()}%`);
  return select
    .orderBy('s.created_at', 'desc')
    .orderBy('sub.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export async function countSubscriptionsByStatus(executor: Executor, newsletterId: string) {
  const rows = await executor
    .selectFrom('newsletter_subscriptions')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .where('newsletter_id', '=', newsletterId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** Confirmations per day (UTC) since `from`: the growth chart. */
export async function countConfirmationsByDay(
  executor: Executor,
  newsletterId: string,
  from: string,
) {
  const day = sql<string>`substr(${sql.ref('confirmed_at')}, 1, 10)`;
  const rows = await executor
    .selectFrom('newsletter_subscriptions')
    .select((eb) => [day.as('day'), eb.fn.countAll<number | string>().as('n')])
    .where('newsletter_id', '=', newsletterId)
    .where('confirmed_at', '>=', from)
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows.map((row) => ({ day: row.day, count: Number(row.n) }));
}
