import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { selectMemberEmails } from '../members/member-reach.repository.js';
import type { NewsletterAudience } from './newsletter.js';
import type { IssueRow, IssueTable } from './newsletter.table.js';

export async function insertIssue(executor: Executor, row: Insertable<IssueTable>): Promise<void> {
  await executor.insertInto('newsletter_issues').values(row).execute();
}

export async function updateIssue(
  executor: Executor,
  id: string,
  changes: Updateable<IssueTable>,
): Promise<void> {
  await executor.updateTable('newsletter_issues').set(changes).where('id', '=', id).execute();
}

export async function findIssue(executor: Executor, id: string): Promise<IssueRow | undefined> {
  return executor
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The daily briefing drafted for a newsletter and day, if any. */
export async function findBriefingIssue(
  executor: Executor,
  newsletterId: string,
  day: string,
): Promise<IssueRow | undefined> {
  return executor
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('newsletter_id', '=', newsletterId)
    .where('briefing_day', '=', day)
    .executeTakeFirst();
}

export async function listIssues(
  executor: Executor,
  query: { newsletterId?: string; limit: number },
): Promise<IssueRow[]> {
  let select = executor.selectFrom('newsletter_issues').selectAll();
  if (query.newsletterId !== undefined)
    select = select.where('newsletter_id', '=', query.newsletterId);
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/** Moves an issue from one state to another; false when it was not in `from`. */
export async function moveIssue(
  executor: Executor,
  id: string,
  from: readonly string[],
  changes: Updateable<IssueTable>,
): Promise<boolean> {
  const result = await executor
    .updateTable('newsletter_issues')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Writes one queued delivery per recipient of a send, numbered into batches, in one
 * statement: confirmed subscribers of the newsletter, minus suppressed addresses, and for a
 * members' newsletter only addresses that belong to a member (a paying one, if it says so).
 * Returns how many recipients there are.
 */
export async function insertDeliveries(
  executor: Executor,
  input: {
    issueId: string;
    newsletterId: string;
    audience: NewsletterAudience;
    batchSize: number;
    now: string;
  },
): Promise<number> {
  let recipients = executor
    .selectFrom('newsletter_subscriptions as s')
    .innerJoin('newsletter_subscribers as sub', 'sub.id', 's.subscriber_id')
    .where('s.newsletter_id', '=', input.newsletterId)
    .where('s.status', '=', 'confirmed')
    .where('sub.email', 'not in', (eb) => eb.selectFrom('email_suppressions').select('email'));
  if (input.audience !== 'everyone') {
    const members = selectMemberEmails(executor, {
      paying: input.audience === 'paying',
      now: input.now,
    });
    recipients = recipients.where('sub.email', 'in', members);
  }
  const select = recipients.select([
    sql<string>`${input.issueId}`.as('issue_id'),
    'sub.id as subscriber_id',
    sql<number>`(row_number() over (order by ${sql.ref('sub.id')}) - 1) / ${sql.lit(input.batchSize)}`.as(
      'batch',
    ),
    'sub.email as email',
    sql<string>`${sql.lit('queued')}`.as('status'),
    sql<number>`${sql.lit(0)}`.as('claim'),
  ]);
  await executor
    .insertInto('newsletter_deliveries')
    .columns(['issue_id', 'subscriber_id', 'batch', 'email', 'status', 'claim'])
    .expression(select)
    .execute();
  const counted = await executor
    .selectFrom('newsletter_deliveries')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('batch').as('last')])
    .where('issue_id', '=', input.issueId)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

export async function listBatchNumbers(executor: Executor, issueId: string): Promise<number[]> {
  const rows = await executor
    .selectFrom('newsletter_deliveries')
    .select('batch')
    .distinct()
    .where('issue_id', '=', issueId)
    .orderBy('batch')
    .execute();
  return rows.map((row) => row.batch);
}

/**
 * Takes the batch's rows that are still to go for this run: queued ones, and ones a dead
 * earlier run had taken (its attempt number is lower). Rows a later run holds are left.
 */
export async function claimBatch(
  executor: Executor,
  input: { issueId: string; batch: number; attempt: number },
): Promise<{ subscriber_id: string; email: string }[]> {
  return executor
    .updateTable('newsletter_deliveries')
    .set({ status: 'sending', claim: input.attempt })
    .where('issue_id', '=', input.issueId)
    .where('batch', '=', input.batch)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'sending'), eb('claim', '<', input.attempt)]),
      ]),
    )
    .returning(['subscriber_id', 'email'])
    .execute();
}

/**
 * Records some recipients' outcomes of one batch run, only for rows this run still holds:
 * one statement per status and error text (errors are rare, so usually one in all).
 */
export async function recordDeliveries(
  executor: Executor,
  input: {
    issueId: string;
    attempt: number;
    now: string;
    outcomes: readonly {
      subscriberId: string;
      status: 'submitted' | 'failed';
      error: string | null;
    }[];
  },
): Promise<void> {
  const groups = new Map<
    string,
    { status: 'submitted' | 'failed'; error: string | null; ids: string[] }
  >();
  for (const outcome of input.outcomes) {
    const key = `${outcome.status}\u0000${outcome.error ?? ''}`;
    const group = groups.get(key) ?? { status: outcome.status, error: outcome.error, ids: [] };
    group.ids.push(outcome.subscriberId);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    await executor
      .updateTable('newsletter_deliveries')
      .set({
        status: group.status,
        submitted_at: group.status === 'submitted' ? input.now : null,
        error: group.error,
      })
      .where('issue_id', '=', input.issueId)
      .where('subscriber_id', 'in', group.ids)
      .where('claim', '=', input.attempt)
      .where('status', '=', 'sending')
      .execute();
  }
}

export async function countDeliveries(
  executor: Executor,
  issueId: string,
): Promise<Record<string, number>> {
  const rows = await executor
    .selectFrom('newsletter_deliveries')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

export async function hasUnfinishedDeliveries(
  executor: Executor,
  issueId: string,
): Promise<boolean> {
  const row = await executor
    .selectFrom('newsletter_deliveries')
    .select('subscriber_id')
    .where('issue_id', '=', issueId)
    .where('status', 'in', ['queued', 'sending'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listSuppressedAmong(
  executor: Executor,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await executor
    .selectFrom('email_suppressions')
    .select('email')
    .where('email', 'in', [...emails])
    .execute();
  return new Set(rows.map((row) => row.email));
}

/** A provider said the address bounced or complained: its latest submitted delivery says so. */
export async function markBounced(executor: Executor, email: string): Promise<void> {
  await executor
    .updateTable('newsletter_deliveries')
    .set({ status: 'bounced' })
    .where('email', '=', email)
    .where('status', '=', 'submitted')
    .execute();
}
