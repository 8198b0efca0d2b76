import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import type { Actor } from '../staff/actor.js';
import { recordEntitlementChange } from './member-events.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import {
  maxLabelLength,
  parseMemberCsv,
  toLabels,
  toMemberCsv,
  type ImportProblem,
  type ImportRow,
} from './member-csv.js';
import { toMember, toMemberEvent, toMemberNote } from './member-mapping.js';
import {
  countMemberRows,
  countMembersByStatus,
  deleteLabel,
  deleteMemberRow,
  findMemberRowById,
  insertLabel,
  insertLabels,
  insertMemberEvent,
  insertMemberEvents,
  insertMembers,
  insertNote,
  listAllLabels,
  listLabelsOf,
  listMemberEventRows,
  listMemberRows,
  listNoteRows,
  listTakenEmails,
  updateMemberRow,
  type MemberFilter,
} from './member.repository.js';
import {
  memberStatuses,
  type Member,
  type MemberEvent,
  type MemberEventKind,
  type MemberNote,
  type MemberStatus,
} from './member.js';
import type { MemberRow } from './member.table.js';

export interface MemberServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  /**
   * Where a change to what a member may read (status, comp, deletion) is recorded, so
   * audience cookies issued before it stop counting on the next request.
   */
  readonly events: EventOutbox;
}

export interface MemberDetail {
  readonly member: Member;
  readonly notes: readonly MemberNote[];
  readonly timeline: readonly MemberEvent[];
}

export interface MemberCounts {
  readonly total: number;
  readonly byStatus: Readonly<Record<MemberStatus, number>>;
}

export interface ImportResult {
  readonly dryRun: boolean;
  /** Lines that are (or, on a dry run, would be) imported. */
  readonly accepted: number;
  readonly imported: number;
  readonly preview: readonly ImportRow[];
  readonly problems: readonly ImportProblem[];
}

export const maxImportBytes = 8 * 1024 * 1024;
const maxNoteLength = 5000;

/** One timeline entry, written in the transaction of the change it records. */
export async function recordMemberEvent(
  executor: Executor,
  memberId: string,
  kind: MemberEventKind,
  at: Date,
  detail: Record<string, string | null> = {},
  actorName: string | null = null,
): Promise<void> {
  await insertMemberEvent(executor, {
    id: newId(),
    member_id: memberId,
    kind,
    detail: JSON.stringify(detail),
    actor_name: actorName,
    created_at: toTimestamp(at),
  });
}

export type MemberService = ReturnType<typeof createMemberService>;

/** Members as staff manage them, and a member's own account. */
export function createMemberService(deps: MemberServiceDeps) {
  const { db, clock, audit } = deps;

  async function withLabels(rows: readonly MemberRow[]): Promise<Member[]> {
    const labels = await listLabelsOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toMember(row, labels.get(row.id) ?? []));
  }

  async function getRow(id: string): Promise<MemberRow> {
    const row = await findMemberRowById(db, id);
    if (row === undefined) throw new AppError('not_found', 'There is no member with that id.');
    return row;
  }

  async function setStatus(
    actor: Actor,
    id: string,
    status: MemberStatus,
    until: Date | null,
    kind: MemberEventKind,
  ): Promise<Member> {
    ensureCan(actor, 'members.manage', 'change memberships');
    const row = await getRow(id);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await updateMemberRow(trx, id, {
        status,
        status_until: until === null ? null : toTimestamp(until),
        updated_at: toTimestamp(now),
      });
      await recordMemberEvent(
        trx,
        id,
        kind,
        now,
        { from: row.status, to: status, until: until === null ? null : toTimestamp(until) },
        actor.name,
      );
      await audit.record(trx, actor, `member.${kind}`, { type: 'member', id }, { status });
      await recordEntitlementChange(deps.events, trx, id, now);
    });
    await deps.events.deliver();
    return (await withLabels([await getRow(id)]))[0] as Member;
  }

  return {
    async listMembers(
      actor: Actor,
      filter: MemberFilter,
      page: { limit: number; page: number },
    ): Promise<{ members: Member[]; total: number }> {
      ensureCan(actor, 'members.read', 'see members');
      const [rows, total] = await Promise.all([
        listMemberRows(db, filter, { limit: page.limit, offset: (page.page - 1) * page.limit }),
        countMemberRows(db, filter),
      ]);
      return { members: await withLabels(rows), total };
    },

    async getMemberDetail(actor: Actor, id: string): Promise<MemberDetail> {
      ensureCan(actor, 'members.read', 'see members');
      const row = await getRow(id);
      const [[member], notes, events] = await Promise.all([
        withLabels([row]),
        listNoteRows(db, id),
        listMemberEventRows(db, id),
      ]);
      return {
        member: member as Member,
        notes: notes.map(toMemberNote),
        timeline: events.map(toMemberEvent),
      };
    },

    async countMembers(actor: Actor): Promise<MemberCounts> {
      ensureCan(actor, 'members.read', 'see members');
      const counts = await countMembersByStatus(db);
      const byStatus = Object.fromEntries(
        memberStatuses.map((status) => [status, counts.get(status) ?? 0]),
      ) as Record<MemberStatus, number>;
      return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
    },

    listLabels(actor: Actor): Promise<string[]> {
      ensureCan(actor, 'members.read', 'see members');
      return listAllLabels(db);
    },

    /** Gives a member paying access without payment, until `until` (or until removed). */
    compMember(actor: Actor, id: string, until: Date | null): Promise<Member> {
      if (until !== null && until.getTime() <= clock.now().getTime()) {
        throw invalid([{ field: 'until', message: 'must be in the future' }]);
      }
      return setStatus(actor, id, 'comped', until, 'comped');
    },

    removeComp(actor: Actor, id: string): Promise<Member> {
      return setStatus(actor, id, 'free', null, 'comp-removed');
    },

    async addLabel(actor: Actor, id: string, label: string): Promise<void> {
      ensureCan(actor, 'members.manage', 'label members');
      const [clean] = toLabels(label);
      if (clean === undefined || clean.length > maxLabelLength) {
        throw invalid([{ field: 'label', message: `use 1 to ${maxLabelLength} characters` }]);
      }
      await getRow(id);
      await db.transaction().execute(async (trx) => {
        if (await insertLabel(trx, id, clean)) {
          await recordMemberEvent(
            trx,
            id,
            'label-added',
            clock.now(),
            { label: clean },
            actor.name,
          );
        }
      });
    },

    async removeLabel(actor: Actor, id: string, label: string): Promise<void> {
      ensureCan(actor, 'members.manage', 'label members');
      await db.transaction().execute(async (trx) => {
        if (await deleteLabel(trx, id, label)) {
          await recordMemberEvent(trx, id, 'label-removed', clock.now(), { label }, actor.name);
        }
      });
    },

    async addNote(actor: Actor, id: string, body: string): Promise<MemberNote> {
      ensureCan(actor, 'members.manage', 'add notes to members');
      const text = body.trim();
      if (text === '' || text.length > maxNoteLength) {
        throw invalid([{ field: 'body', message: `write 1 to ${maxNoteLength} characters` }]);
      }
      await getRow(id);
      const now = clock.now();
      const note = { id: newId(), body: text, authorName: actor.name, at: now };
      await db.transaction().execute(async (trx) => {
        await insertNote(trx, {
          id: note.id,
          member_id: id,
          body: text,
          author_name: actor.name,
          created_at: toTimestamp(now),
        });
        await recordMemberEvent(trx, id, 'note-added', now, {}, actor.name);
      });
      return note;
    },

    /**
     * Reads a CSV of members. A dry run writes nothing and says what would happen; a real
     * run imports every good line in one transaction and reports the bad ones by line.
     */
    async importMembers(actor: Actor, csv: string, dryRun: boolean): Promise<ImportResult> {
      ensureCan(actor, 'members.manage', 'import members');
      const parsed = parseMemberCsv(csv);
      const taken = await listTakenEmails(
        db,
        parsed.rows.map((row) => row.email),
      );
      const fresh = parsed.rows.filter((row) => !taken.has(row.email));
      const problems = [
        ...parsed.problems,
        ...parsed.rows
          .filter((row) => taken.has(row.email))
          .map((row) => ({ line: row.line, message: `${row.email} is already a member` })),
      ].sort((a, b) => a.line - b.line);
      const result = {
        dryRun,
        accepted: fresh.length,
        preview: fresh.slice(0, 20),
        problems,
      };
      if (dryRun || fresh.length === 0) return { ...result, imported: 0 };
      const at = toTimestamp(clock.now());
      const ids = fresh.map(() => newId());
      await db.transaction().execute(async (trx) => {
        await insertMembers(
          trx,
          fresh.map((row, index) => ({
            id: ids[index] as string,
            email: row.email,
            name: row.name,
            status: row.status,
            status_until: null,
            created_at: at,
            updated_at: at,
            confirmed_at: null,
            last_seen_at: null,
          })),
        );
        await insertLabels(
          trx,
          fresh.flatMap((row, index) =>
            row.labels.map((label) => ({ member_id: ids[index] as string, label })),
          ),
        );
        await insertMemberEvents(
          trx,
          fresh.map((row, index) => ({
            id: newId(),
            member_id: ids[index] as string,
            kind: 'imported',
            detail: JSON.stringify({ status: row.status }),
            actor_name: actor.name,
            created_at: at,
          })),
        );
        await audit.record(
          trx,
          actor,
          'member.imported',
          { type: 'member', id: 'import' },
          {
            count: fresh.length,
          },
        );
      });
      return { ...result, imported: fresh.length };
    },

    async exportMembers(actor: Actor, filter: MemberFilter): Promise<string> {
      ensureCan(actor, 'members.read', 'export members');
      const members: Member[] = [];
      const pageSize = 1000;
      for (let offset = 0; ; offset += pageSize) {
        const rows = await listMemberRows(db, filter, { limit: pageSize, offset });
        members.push(...(await withLabels(rows)));
        if (rows.length < pageSize) break;
      }
      return toMemberCsv(members);
    },

    // A member's own account.

    async findMember(id: string): Promise<Member | null> {
      const row = await findMemberRowById(db, id);
      return row === undefined ? null : ((await withLabels([row]))[0] ?? null);
    },

    async renameSelf(memberId: string, name: string): Promise<void> {
      const clean = name.trim().replace(/\s+/g, ' ');
      if (clean.length > 200) {
        throw invalid([{ field: 'name', message: 'use at most 200 characters' }]);
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await updateMemberRow(trx, memberId, { name: clean, updated_at: toTimestamp(now) });
        await recordMemberEvent(trx, memberId, 'name-changed', now);
      });
    },

    /** Everything Masthead holds about a member, for "download my data". */
    async exportOwnData(memberId: string): Promise<Record<string, unknown>> {
      const row = await getRow(memberId);
      const [member] = await withLabels([row]);
      const events = (await listMemberEventRows(db, memberId)).map(toMemberEvent);
      return {
        member: {
          email: row.email,
          name: row.name,
          status: row.status,
          status_until: row.status_until,
          labels: member?.labels ?? [],
          created_at: row.created_at,
          confirmed_at: row.confirmed_at,
          last_seen_at: row.last_seen_at,
        },
        timeline: events.map((event) => ({
          kind: event.kind,
          detail: event.detail,
          at: event.at.toISOString(),
        })),
      };
    },

    /**
     * Deletes the member with their labels, notes, timeline, sessions and links. Nothing
     * about payments exists yet; when it does, what the law requires stays.
     */
    async deleteSelf(memberId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await deleteMemberRow(trx, memberId);
        await recordEntitlementChange(deps.events, trx, memberId, clock.now());
      });
      await deps.events.deliver();
    },
  };
}
