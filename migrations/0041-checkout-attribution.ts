import type { Kysely } from 'kysely';

/**
 * The campaign and variant a checkout came from, as the provider carries them back in its
 * metadata: kept by the test provider on its sessions and subscriptions (as Stripe keeps
 * metadata), and by Masthead on the completed checkout (with the subscription it started)
 * and on the subscription, so that a membership whose start is decided by an invoice,
 * which carries no metadata, is still counted for the appeal that won it.
 */
const tables = [
  'test_payment_sessions',
  'test_payment_subscriptions',
  'subscriptions',
  'checkouts',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await db.schema.alterTable(table).addColumn('campaign_id', 'text').execute();
    await db.schema.alterTable(table).addColumn('variant_id', 'text').execute();
  }
  await db.schema.alterTable('checkouts').addColumn('provider_subscription_id', 'text').execute();
  await db.schema
    .createIndex('checkouts_provider_subscription')
    .on('checkouts')
    .column('provider_subscription_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('checkouts_provider_subscription').execute();
  await db.schema.alterTable('checkouts').dropColumn('provider_subscription_id').execute();
  for (const table of tables) {
    await db.schema.alterTable(table).dropColumn('variant_id').execute();
    await db.schema.alterTable(table).dropColumn('campaign_id').execute();
  }
}
