import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  MemberEventRow,
  MemberEventTable,
  MemberNoteRow,
  MemberNoteTable,
  MemberRow,
  MemberTable,
} from './member.table.js';

export interface MemberFilter {
  /** Part of an e-mail address or name. */
  readonly q?: string | undefined;
  readonly status?: string | undefined;
  readonly label?: string | undefined;
  /** Signed up at or after / before these ISO timestamps. */
  readonly createdFrom?: string | undefined;
  readonly createdBefore?: string | undefined;
}

/** Rows per statement for bulk work: well under SQLite's 32,766 bound parameters. */
const chunkSize = 500;

function chunks<T>(items: readonly T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertMember(
  executor: Executor,
  row: Insertable<MemberTable>,
): Promise<void> {
  await executor.insertInto('members').values(row).execute();
}

export async function insertMembers(
  executor: Executor,
  rows: readonly Insertable<MemberTable>[],
): Promise<void> {
  // Nine columns a row: 500 rows stay under every engine's parameter limit.
  for (const part of chunks(rows)) await executor.insertInto('members').values(part).execute();
}

export async function findMemberRowById(
  executor: Executor,
  id: string,
): Promise<MemberRow | undefined> {
  return executor.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMemberRowByEmail(
  executor: Executor,
  email: string,
): Promise<MemberRow | undefined> {
  return executor.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Which of `emails` already belong to a member. */
export async function listTakenEmails(
  executor: Executor,
  emails: readonly string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks(emails)) {
    if (part.length === 0) continue;
    const rows = await executor
      .selectFrom('members')
      .select('email')
      .where('email', 'in', part)
      .execute();
    for (const row of rows) taken.add(row.email);
  }
  return taken;
}

export async function updateMemberRow(
  executor: Executor,
  id: string,
  changes: Updateable<MemberTable>,
): Promise<void> {
  await executor.updateTable('members').set(changes).where('id', '=', id).execute();
}

export async function deleteMemberRow(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom('members').where('id', '=', id).execute();
}

function filtered(executor: Executor, filter: MemberFilter) {
  let query = executor.selectFrom('members');
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const like = `%${filter.q
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('members.email', 'like', like),
        eb(eb.fn('lower', ['members.name']), 'like', like),
      ]),
    );
  }
  if (filter.status !== undefined) query = query.where('members.status', '=', filter.status);
  if (filter.label !== undefined) {
    const label = filter.label;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_labels')
          .select('member_labels.member_id')
          .whereRef('member_labels.member_id', '=', 'members.id')
          .where('member_labels.label', '=', label),
      ),
    );
  }
  if (filter.createdFrom !== undefined) {
    query = query.where('members.created_at', '>=', filter.createdFrom);
  }
  if (filter.createdBefore !== undefined) {
    query = query.where('members.created_at', '<', filter.createdBefore);
  }
  return query;
}

export async function listMemberRows(
  executor: Executor,
  filter: MemberFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<MemberRow[]> {
  return filtered(executor, filter)
    .selectAll('members')
    .orderBy('members.created_at', 'desc')
    .orderBy('members.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countMemberRows(executor: Executor, filter: MemberFilter): Promise<number> {
  const row = await filtered(executor, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Members whose paid or gift membership runs at `at`: the paying audience. */
export async function countPayingMembersAt(executor: Executor, at: string): Promise<number> {
  const row = await executor
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', 'in', ['paid', 'gift'])
    .where((eb) => eb.or([eb('status_until', 'is', null), eb('status_until', '>', at)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countMembersByStatus(executor: Executor): Promise<Map<string, number>> {
  const rows = await executor
    .selectFrom('members')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

export async function listLabelsOf(
  executor: Executor,
  memberIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byMember = new Map<string, string[]>();
  for (const part of chunks(memberIds)) {
    if (part.length === 0) continue;
    const rows = await executor
      .selectFrom('member_labels')
      .selectAll()
      .where('member_id', 'in', part)
      .orderBy('label')
      .execute();
    for (const row of rows) {
      const list = byMember.get(row.member_id) ?? [];
      list.push(row.label);
      byMember.set(row.member_id, list);
    }
  }
  return byMember;
}

export async function listAllLabels(executor: Executor): Promise<string[]> {
  const rows = await executor
    .selectFrom('member_labels')
    .select('label')
    .distinct()
    .orderBy('label')
    .execute();
  return rows.map((row) => row.label);
}

/** True when the label was new to the member. */
export async function insertLabel(
  executor: Executor,
  memberId: string,
  label: string,
): Promise<boolean> {
  const result = await executor
    .insertInto('member_labels')
    .values({ member_id: memberId, label })
    .onConflict((oc) => oc.columns(['member_id', 'label']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertLabels(
  executor: Executor,
  rows: readonly { member_id: string; label: string }[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await executor
      .insertInto('member_labels')
      .values(part)
      .onConflict((oc) => oc.columns(['member_id', 'label']).doNothing())
      .execute();
  }
}

export async function deleteLabel(
  executor: Executor,
  memberId: string,
  label: string,
): Promise<boolean> {
  const result = await executor
    .deleteFrom('member_labels')
    .where('member_id', '=', memberId)
    .where('label', '=', label)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertNote(
  executor: Executor,
  row: Insertable<MemberNoteTable>,
): Promise<void> {
  await executor.insertInto('member_notes').values(row).execute();
}

export async function listNoteRows(executor: Executor, memberId: string): Promise<MemberNoteRow[]> {
  return executor
    .selectFrom('member_notes')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertMemberEvent(
  executor: Executor,
  row: Insertable<MemberEventTable>,
): Promise<void> {
  await executor.insertInto('member_events').values(row).execute();
}

export async function insertMemberEvents(
  executor: Executor,
  rows: readonly Insertable<MemberEventTable>[],
): Promise<void> {
  for (const part of chunks(rows))
    await executor.insertInto('member_events').values(part).execute();
}

export async function listMemberEventRows(
  executor: Executor,
  memberId: string,
): Promise<MemberEventRow[]> {
  return executor
    .selectFrom('member_events')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
