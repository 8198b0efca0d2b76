import type { Kysely } from 'kysely';

/**
 * The daily briefing: a newsletter can have its issue drafted each morning from the latest
 * articles (`briefing`), and a drafted issue names its day (`briefing_day`, `YYYY-MM-DD`),
 * unique per newsletter, so a job run twice drafts one issue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('newsletters')
    .addColumn('briefing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('newsletter_issues').addColumn('briefing_day', 'text').execute();
  await db.schema
    .createIndex('newsletter_issues_briefing_day')
    .on('newsletter_issues')
    .columns(['newsletter_id', 'briefing_day'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('newsletter_issues_briefing_day').execute();
  await db.schema.alterTable('newsletter_issues').dropColumn('briefing_day').execute();
  await db.schema.alterTable('newsletters').dropColumn('briefing').execute();
}
