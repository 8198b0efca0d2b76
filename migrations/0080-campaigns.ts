import type { Kysely } from 'kysely';

/**
 * Fundraising campaigns: the drive itself, the copy variants of its placements (with their
 * impression and click counters), and the contributions counted toward it, recorded by the
 * payments code with the checkout's attribution and thank-you-wall consent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal_kind', 'text', (c) => c.notNull())
    .addColumn('goal_target', 'integer', (c) => c.notNull())
    .addColumn('stretch_target', 'integer')
    .addColumn('at_goal', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('section_slugs', 'text', (c) => c.notNull())
    .addColumn('ask_audiences', 'text', (c) => c.notNull())
    .addColumn('thanks_headline', 'text', (c) => c.notNull())
    .addColumn('thanks_body', 'text', (c) => c.notNull())
    .addColumn('cap_views', 'integer', (c) => c.notNull())
    .addColumn('cap_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('campaign_variants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('placement', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('impressions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_variants_campaign')
    .on('campaign_variants')
    .columns(['campaign_id', 'placement', 'position'])
    .execute();
  await db.schema
    .createTable('campaign_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('variant_id', 'text')
    .addColumn('on_wall', 'integer', (c) => c.notNull())
    .addColumn('wall_first_name', 'text')
    .addColumn('wall_city', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_contributions_time')
    .on('campaign_contributions')
    .columns(['occurred_at'])
    .execute();
  await db.schema
    .createIndex('campaign_contributions_campaign')
    .on('campaign_contributions')
    .columns(['campaign_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('campaign_contributions').execute();
  await db.schema.dropTable('campaign_variants').execute();
  await db.schema.dropTable('campaigns').execute();
}
