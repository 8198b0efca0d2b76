import { sql, type Insertable, type Updateable } from 'kysely';
import type { Engine, Executor, Trx } from '../../db/database.js';
import type {
  CheckoutRow,
  CheckoutTable,
  DonationRow,
  DonationTable,
  GiftRow,
  GiftTable,
  PaymentRow,
  PaymentTable,
  SubscriptionRow,
  SubscriptionTable,
} from './memberships.table.js';

/**
 * Holds one customer's (or checkout's) events back from each other on PostgreSQL until the
 * transaction ends, so two workers never apply facts about one subscription side by side.
 * SQLite has one writer at a time already.
 */
export async function lockKey(trx: Trx, engine: Engine, key: string): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

export async function insertCheckout(executor: Executor, row: Insertable<CheckoutTable>) {
  await executor.insertInto('checkouts').values(row).execute();
}

export async function findCheckout(
  executor: Executor,
  id: string,
): Promise<CheckoutRow | undefined> {
  return executor.selectFrom('checkouts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The completed checkout that started a provider's subscription. */
export async function findCheckoutBySubscription(
  executor: Executor,
  provider: string,
  subscriptionId: string,
): Promise<CheckoutRow | undefined> {
  return executor
    .selectFrom('checkouts')
    .selectAll()
    .where('provider', '=', provider)
    .where('provider_subscription_id', '=', subscriptionId)
    .executeTakeFirst();
}

export async function findCheckoutBySession(
  executor: Executor,
  sessionId: string,
): Promise<CheckoutRow | undefined> {
  return executor
    .selectFrom('checkouts')
    .selectAll()
    .where('provider_session_id', '=', sessionId)
    .executeTakeFirst();
}

export async function findCheckoutByReturnHash(
  executor: Executor,
  hash: string,
): Promise<CheckoutRow | undefined> {
  return executor
    .selectFrom('checkouts')
    .selectAll()
    .where('return_token_hash', '=', hash)
    .executeTakeFirst();
}

export async function updateCheckout(
  executor: Executor,
  id: string,
  changes: Updateable<CheckoutTable>,
): Promise<void> {
  await executor.updateTable('checkouts').set(changes).where('id', '=', id).execute();
}

/** True when the return address was unused and now is used. */
export async function useCheckoutReturn(
  executor: Executor,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('checkouts')
    .set({ return_used_at: at })
    .where('id', '=', id)
    .where('return_used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findCustomerMember(
  executor: Executor,
  provider: string,
  customerId: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('payment_customers')
    .select('member_id')
    .where('provider', '=', provider)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row?.member_id;
}

export async function findMemberCustomer(
  executor: Executor,
  provider: string,
  memberId: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('payment_customers')
    .select('customer_id')
    .where('provider', '=', provider)
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.customer_id;
}

/** True when the link is new. */
export async function linkCustomer(
  executor: Executor,
  row: { provider: string; customer_id: string; member_id: string; created_at: string },
): Promise<boolean> {
  const result = await executor
    .insertInto('payment_customers')
    .values(row)
    .onConflict((oc) => oc.columns(['provider', 'customer_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findSubscriptionByProviderId(
  executor: Executor,
  providerId: string,
): Promise<SubscriptionRow | undefined> {
  return executor
    .selectFrom('subscriptions')
    .selectAll()
    .where('provider_subscription_id', '=', providerId)
    .executeTakeFirst();
}

export async function insertSubscription(executor: Executor, row: Insertable<SubscriptionTable>) {
  await executor.insertInto('subscriptions').values(row).execute();
}

export async function updateSubscription(
  executor: Executor,
  id: string,
  changes: Updateable<SubscriptionTable>,
): Promise<void> {
  await executor.updateTable('subscriptions').set(changes).where('id', '=', id).execute();
}

export async function listMemberSubscriptions(
  executor: Executor,
  memberId: string,
): Promise<SubscriptionRow[]> {
  return executor
    .selectFrom('subscriptions')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('started_at', 'desc')
    .execute();
}

export async function listAllSubscriptions(executor: Executor): Promise<SubscriptionRow[]> {
  return executor.selectFrom('subscriptions').selectAll().orderBy('started_at').execute();
}

/** True when the payment is new. */
export async function insertPayment(
  executor: Executor,
  row: Insertable<PaymentTable>,
): Promise<boolean> {
  const result = await executor
    .insertInto('payments')
    .values(row)
    .onConflict((oc) => oc.column('provider_ref').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findPaymentByRef(
  executor: Executor,
  ref: string,
): Promise<PaymentRow | undefined> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('provider_ref', '=', ref)
    .executeTakeFirst();
}

export async function findPaymentById(
  executor: Executor,
  id: string,
): Promise<PaymentRow | undefined> {
  return executor.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPaymentByIntent(
  executor: Executor,
  paymentIntent: string,
): Promise<PaymentRow | undefined> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('payment_intent', '=', paymentIntent)
    .executeTakeFirst();
}

export async function updatePayment(
  executor: Executor,
  id: string,
  changes: Updateable<PaymentTable>,
): Promise<void> {
  await executor.updateTable('payments').set(changes).where('id', '=', id).execute();
}

export async function listMemberPayments(
  executor: Executor,
  memberId: string,
): Promise<PaymentRow[]> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('paid_at', 'desc')
    .execute();
}

export async function listPaymentsSince(executor: Executor, from: string): Promise<PaymentRow[]> {
  return executor.selectFrom('payments').selectAll().where('paid_at', '>=', from).execute();
}

export async function insertGift(executor: Executor, row: Insertable<GiftTable>) {
  await executor.insertInto('gifts').values(row).execute();
}

export async function findGift(executor: Executor, id: string): Promise<GiftRow | undefined> {
  return executor.selectFrom('gifts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGiftByCode(
  executor: Executor,
  code: string,
): Promise<GiftRow | undefined> {
  return executor.selectFrom('gifts').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findGiftByCheckout(
  executor: Executor,
  checkoutId: string,
): Promise<GiftRow | undefined> {
  return executor
    .selectFrom('gifts')
    .selectAll()
    .where('checkout_id', '=', checkoutId)
    .executeTakeFirst();
}

/** Moves a gift from one status to the next; false when it was not in `from` any more. */
export async function moveGift(
  executor: Executor,
  id: string,
  from: string,
  changes: Updateable<GiftTable>,
): Promise<boolean> {
  const result = await executor
    .updateTable('gifts')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listGifts(
  executor: Executor,
  filter: { status?: string | undefined; limit: number },
): Promise<GiftRow[]> {
  let query = executor.selectFrom('gifts').selectAll().where('status', '!=', 'awaiting-payment');
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
}

export async function listGiftsSince(executor: Executor, from: string): Promise<GiftRow[]> {
  return executor
    .selectFrom('gifts')
    .selectAll()
    .where((eb) => eb.or([eb('paid_at', '>=', from), eb('redeemed_at', '>=', from)]))
    .execute();
}

export async function insertDonation(executor: Executor, row: Insertable<DonationTable>) {
  await executor.insertInto('donations').values(row).execute();
}

export async function findDonationByCheckout(
  executor: Executor,
  checkoutId: string,
): Promise<DonationRow | undefined> {
  return executor
    .selectFrom('donations')
    .selectAll()
    .where('checkout_id', '=', checkoutId)
    .executeTakeFirst();
}

export async function findDonation(
  executor: Executor,
  id: string,
): Promise<DonationRow | undefined> {
  return executor.selectFrom('donations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function moveDonation(
  executor: Executor,
  id: string,
  from: string,
  changes: Updateable<DonationTable>,
): Promise<boolean> {
  const result = await executor
    .updateTable('donations')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listDonations(executor: Executor, limit: number): Promise<DonationRow[]> {
  return executor
    .selectFrom('donations')
    .selectAll()
    .where('status', '!=', 'awaiting-payment')
    .orderBy('paid_at', 'desc')
    .limit(limit)
    .execute();
}

/** Gifts paid or redeemed since `from`, for the dashboard's window. */
export function listGiftsActiveSince(executor: Executor, from: string): Promise<GiftRow[]> {
  return executor
    .selectFrom('gifts')
    .selectAll()
    .where((eb) => eb.or([eb('paid_at', '>=', from), eb('redeemed_at', '>=', from)]))
    .execute();
}

export function listDonationsSince(executor: Executor, from: string): Promise<DonationRow[]> {
  return executor.selectFrom('donations').selectAll().where('paid_at', '>=', from).execute();
}
