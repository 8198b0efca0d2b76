import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  ConsentTable,
  SignupRow,
  SignupTable,
  SubscriberRow,
  SubscriptionRow,
} from './newsletter.table.js';

export async function findSubscriberByEmail(
  executor: Executor,
  email: string,
): Promise<SubscriberRow | undefined> {
  return executor
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findSubscriberById(
  executor: Executor,
  id: string,
): Promise<SubscriberRow | undefined> {
  return executor
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The subscriber of an address, made if there is none; the same row for concurrent callers. */
export async function ensureSubscriber(
  executor: Executor,
  row: { id: string; email: string; now: string },
): Promise<SubscriberRow> {
  await executor
    .insertInto('newsletter_subscribers')
    .values({ id: row.id, email: row.email, created_at: row.now, updated_at: row.now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const found = await findSubscriberByEmail(executor, row.email);
  if (found === undefined) throw new Error('The subscriber just written cannot be read.');
  return found;
}

export async function updateSubscriberEmail(
  executor: Executor,
  id: string,
  email: string,
  now: string,
): Promise<void> {
  await executor
    .updateTable('newsletter_subscribers')
    .set({ email, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteSubscriber(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom('newsletter_subscribers').where('id', '=', id).execute();
}

export async function listSubscriptionsOf(
  executor: Executor,
  subscriberId: string,
): Promise<SubscriptionRow[]> {
  return executor
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('subscriber_id', '=', subscriberId)
    .execute();
}

/** Writes a subscription's state, making the row if needed. */
export async function upsertSubscription(
  executor: Executor,
  row: {
    subscriberId: string;
    newsletterId: string;
    status: string;
    source: string;
    now: string;
  },
): Promise<void> {
  const confirmedAt = row.status === 'confirmed' ? row.now : null;
  const endedAt = row.status === 'unsubscribed' || row.status === 'bounced' ? row.now : null;
  await executor
    .insertInto('newsletter_subscriptions')
    .values({
      subscriber_id: row.subscriberId,
      newsletter_id: row.newsletterId,
      status: row.status,
      source: row.source,
      created_at: row.now,
      confirmed_at: confirmedAt,
      ended_at: endedAt,
    })
    .onConflict((oc) =>
      oc.columns(['subscriber_id', 'newsletter_id']).doUpdateSet({
        status: row.status,
        source: row.source,
        confirmed_at: confirmedAt,
        ended_at: endedAt,
      }),
    )
    .execute();
}

/** Ends every confirmed or pending subscription of a subscriber (or one newsletter's). */
export async function endSubscriptions(
  executor: Executor,
  subscriberId: string,
  status: 'unsubscribed' | 'bounced',
  now: string,
  newsletterId?: string,
): Promise<string[]> {
  let query = executor
    .updateTable('newsletter_subscriptions')
    .set({ status, ended_at: now })
    .where('subscriber_id', '=', subscriberId)
    .where('status', 'in', ['pending', 'confirmed']);
  if (newsletterId !== undefined) query = query.where('newsletter_id', '=', newsletterId);
  const rows = await query.returning('newsletter_id').execute();
  return rows.map((row) => row.newsletter_id);
}

export async function insertSignup(
  executor: Executor,
  row: Insertable<SignupTable>,
): Promise<void> {
  await executor.insertInto('newsletter_signups').values(row).execute();
}

export async function findSignupById(
  executor: Executor,
  id: string,
): Promise<SignupRow | undefined> {
  return executor
    .selectFrom('newsletter_signups')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSignupByTokenHash(
  executor: Executor,
  tokenHash: string,
): Promise<SignupRow | undefined> {
  return executor
    .selectFrom('newsletter_signups')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Stores the token's hash once; says whether this call did (a retried job finds it set). */
export async function setSignupToken(
  executor: Executor,
  id: string,
  tokenHash: string,
  now: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('newsletter_signups')
    .set({ token_hash: tokenHash, sent_at: now })
    .where('id', '=', id)
    .where('token_hash', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks a sign-up confirmed once; false when it already was. */
export async function markSignupConfirmed(
  executor: Executor,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('newsletter_signups')
    .set({ confirmed_at: now })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Pending subscriptions whose sign-ups all expired become nothing; returns how many. */
/**
 * Forgets sign-ups never confirmed by `now`: the sign-up rows, the pending subscriptions
 * no other open sign-up still asks for, and the subscriber itself (address and consent
 * records, by cascade) when nothing else is left of it. Returns how many sign-ups went.
 */
export async function deleteExpiredPending(executor: Executor, now: string): Promise<number> {
  const expired = await executor
    .deleteFrom('newsletter_signups')
    .where('expires_at', '<=', now)
    .where('confirmed_at', 'is', null)
    .returning('subscriber_id')
    .execute();
  if (expired.length === 0) return 0;
  const ids = [...new Set(expired.map((row) => row.subscriber_id))];
  await executor
    .deleteFrom('newsletter_subscriptions')
    .where('subscriber_id', 'in', ids)
    .where('status', '=', 'pending')
    .where('subscriber_id', 'not in', (eb) =>
      eb
        .selectFrom('newsletter_signups')
        .select('subscriber_id')
        .where('confirmed_at', 'is', null)
        .where('purpose', '=', 'subscribe'),
    )
    .execute();
  await executor
    .deleteFrom('newsletter_subscribers')
    .where('id', 'in', ids)
    .where('id', 'not in', (eb) =>
      eb.selectFrom('newsletter_subscriptions').select('subscriber_id'),
    )
    .where('id', 'not in', (eb) => eb.selectFrom('newsletter_signups').select('subscriber_id'))
    .execute();
  return expired.length;
}

export async function insertConsents(
  executor: Executor,
  rows: readonly Insertable<ConsentTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await executor
    .insertInto('newsletter_consents')
    .values([...rows])
    .execute();
}

export async function listConsentsOf(executor: Executor, subscriberId: string) {
  return executor
    .selectFrom('newsletter_consents')
    .selectAll()
    .where('subscriber_id', '=', subscriberId)
    .orderBy('created_at')
    .execute();
}

export async function isSuppressed(executor: Executor, email: string): Promise<boolean> {
  const row = await executor
    .selectFrom('email_suppressions')
    .select('email')
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSuppression(
  executor: Executor,
  row: { email: string; reason: string; source: string; detail: string; now: string },
): Promise<void> {
  await executor
    .insertInto('email_suppressions')
    .values({
      email: row.email,
      reason: row.reason,
      source: row.source,
      detail: row.detail,
      created_at: row.now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

export async function deleteSuppression(executor: Executor, email: string): Promise<boolean> {
  const result = await executor
    .deleteFrom('email_suppressions')
    .where('email', '=', email)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listSuppressions(executor: Executor, limit: number) {
  return executor
    .selectFrom('email_suppressions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function getNewsletterKey(
  executor: Executor,
  name: string,
  make: () => string,
  now: string,
): Promise<string> {
  await executor
    .insertInto('newsletter_keys')
    .values({ name, value: make(), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await executor
    .selectFrom('newsletter_keys')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
