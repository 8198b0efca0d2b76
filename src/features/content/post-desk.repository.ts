import type { Executor } from '../../db/database.js';

/** Drafts waiting in the editors' queue (never a post in the bin). */
export async function countSubmitted(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('review_state', '=', 'submitted')
    .where('status', '=', 'draft')
    .where('id', 'not in', (sub) => sub.selectFrom('post_bin').select('post_id'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The draft that has waited longest in the queue. */
export function findOldestSubmitted(
  db: Executor,
): Promise<{ id: string; title: string; review_at: string | null } | undefined> {
  return db
    .selectFrom('posts')
    .select(['id', 'title', 'review_at'])
    .where('review_state', '=', 'submitted')
    .where('status', '=', 'draft')
    .where('id', 'not in', (sub) => sub.selectFrom('post_bin').select('post_id'))
    .orderBy('review_at', 'asc')
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** Ids of posts scheduled to go live after `from` and up to `to`, soonest first. */
export async function listScheduledIdsBetween(
  db: Executor,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('posts')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '>', from)
    .where('published_at', '<=', to)
    .orderBy('published_at', 'asc')
    .limit(50)
    .execute();
  return rows.map((row) => row.id);
}
