import type { Kysely } from 'kysely';

/**
 * The test provider's "decline the next renewal" switch: while it is on, the renewals it
 * charges by itself at each period end fail, so staff and tests can walk a member through
 * a failed renewal, the grace period and the lapse.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('test_payment_subscriptions')
    .addColumn('decline_renewals', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('test_payment_subscriptions').dropColumn('decline_renewals').execute();
}
