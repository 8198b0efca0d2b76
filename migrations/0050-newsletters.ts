import type { Kysely } from 'kysely';

/**
 * Newsletters and who reads them. A subscriber is one address; a subscription joins it to
 * one newsletter with a state (pending, confirmed, unsubscribed, bounced). A sign-up waits
 * in `newsletter_signups` (the SHA-256 of its confirmation token, 7 days) until its page's
 * button confirms it; consent records say what the reader saw and where. Issues are sent
 * through one delivery row per recipient, so a restarted worker knows who is left.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('newsletters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sender_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sender_email', 'text')
    .addColumn('reply_to', 'text')
    .addColumn('cadence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('everyone'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('newsletter_subscriptions')
    .addColumn('subscriber_id', 'text', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    .addColumn('newsletter_id', 'text', (c) =>
      c.notNull().references('newsletters.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('form'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'newsletter_id'])
    .execute();
  await db.schema
    .createIndex('newsletter_subscriptions_newsletter')
    .on('newsletter_subscriptions')
    .columns(['newsletter_id', 'status', 'subscriber_id'])
    .execute();

  await db.schema
    .createTable('newsletter_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('newsletter_ids', 'text', (c) => c.notNull())
    .addColumn('new_email', 'text')
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('source_page', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wording', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('client_hash', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('confirmed_at', 'text')
    .execute();

  await db.schema
    .createTable('newsletter_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    .addColumn('newsletter_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_page', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wording', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('client_hash', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('newsletter_consents_subscriber')
    .on('newsletter_consents')
    .column('subscriber_id')
    .execute();

  await db.schema
    .createTable('email_suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('newsletter_id', 'text', (c) => c.notNull().references('newsletters.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('preheader', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('post_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('newsletter_issues_newsletter')
    .on('newsletter_issues')
    .columns(['newsletter_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('issue_id', 'text', (c) =>
      c.notNull().references('newsletter_issues.id').onDelete('cascade'),
    )
    .addColumn('subscriber_id', 'text', (c) => c.notNull())
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claim', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('newsletter_deliveries_pk', ['issue_id', 'subscriber_id'])
    .execute();
  await db.schema
    .createIndex('newsletter_deliveries_batch')
    .on('newsletter_deliveries')
    .columns(['issue_id', 'batch', 'status'])
    .execute();
  await db.schema
    .createIndex('newsletter_deliveries_email')
    .on('newsletter_deliveries')
    .column('email')
    .execute();

  await db.schema
    .createTable('newsletter_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'newsletter_keys',
    'newsletter_deliveries',
    'newsletter_issues',
    'email_suppressions',
    'newsletter_consents',
    'newsletter_signups',
    'newsletter_subscriptions',
    'newsletter_subscribers',
    'newsletters',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
