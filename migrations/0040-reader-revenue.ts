import type { Kysely } from 'kysely';

/**
 * Reader revenue. Tiers and their prices (amounts in minor units: cents, kopiyky); the
 * checkouts readers start; subscriptions as the provider reports them; the customers a
 * provider knows and the member each one is; a ledger of payments; gifts and donations.
 * `payment_events` is the inbox of provider events, one row per event id, processed by
 * jobs. Rows about money keep no foreign key to members: the law keeps them after a member
 * deletes their account, so `member_id` is only a pointer that may dangle.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('membership_tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('membership_prices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tier_id', 'text', (c) =>
      c.notNull().references('membership_tiers.id').onDelete('cascade'),
    )
    .addColumn('interval', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('pay_what_you_want', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('membership_prices_one', ['tier_id', 'interval', 'currency'])
    .execute();

  await db.schema
    .createTable('checkouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_session_id', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('member_id', 'text')
    .addColumn('tier_id', 'text')
    .addColumn('interval', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('return_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('return_used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();

  await db.schema
    .createTable('payment_customers')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_customers_pk', ['provider', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('payment_customers_member')
    .on('payment_customers')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_subscription_id', 'text', (c) => c.notNull().unique())
    .addColumn('provider_customer_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('tier_id', 'text')
    .addColumn('interval', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_at_period_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_period_end', 'text', (c) => c.notNull())
    .addColumn('paid_through', 'text')
    .addColumn('last_paid_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('snapshot_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subscriptions_member')
    .on('subscriptions')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_ref', 'text', (c) => c.notNull().unique())
    .addColumn('payment_intent', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('member_id', 'text')
    .addColumn('subscription_id', 'text')
    .addColumn('gift_id', 'text')
    .addColumn('donation_id', 'text')
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('refunded_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_paid').on('payments').column('paid_at').execute();
  await db.schema.createIndex('payments_intent').on('payments').column('payment_intent').execute();

  await db.schema
    .createTable('gifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('checkout_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('buyer_email', 'text', (c) => c.notNull())
    .addColumn('buyer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_email', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('deliver_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('redeemed_at', 'text')
    .addColumn('redeemed_by', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('refunded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gifts_paid').on('gifts').column('paid_at').execute();

  await db.schema
    .createTable('donations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkout_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('refunded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('donations_paid').on('donations').column('paid_at').execute();

  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('reference', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('payment_events_customer')
    .on('payment_events')
    .columns(['provider', 'customer_id', 'status'])
    .execute();
  await db.schema
    .createIndex('payment_events_reference')
    .on('payment_events')
    .column('reference')
    .execute();

  await db.schema
    .createTable('test_payment_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('interval', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('trial_end', 'text')
    .addColumn('success_url', 'text', (c) => c.notNull())
    .addColumn('cancel_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('test_payment_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('interval', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_period_end', 'text', (c) => c.notNull())
    .addColumn('cancel_at_period_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'test_payment_subscriptions',
    'test_payment_sessions',
    'payment_events',
    'donations',
    'gifts',
    'payments',
    'subscriptions',
    'payment_customers',
    'checkouts',
    'membership_prices',
    'membership_tiers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
