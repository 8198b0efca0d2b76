import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from './actor.js';
import { findAuditEntryById, insertAuditEntry, listAuditEntries } from './audit.repository.js';
import { ensureCan } from './permissions.js';
import type { AuditLogRow } from './staff.table.js';

/** One staff action: who did what to which thing, and when. */
export interface AuditEntry {
  readonly id: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** `user:{id}`, `token:{id}` or `system`, and the name it had at the time. */
  readonly actor: { readonly id: string; readonly name: string };
  /** `{subject}.{past participle}`, e.g. `staff.created`, `token.revoked`. */
  readonly action: string;
  readonly subject: AuditSubject;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditSubject {
  readonly type: string;
  readonly id: string;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** Pass as `before` to get the next, older page; null on the last page. */
  readonly nextBefore: string | null;
}

export const maximumAuditPageSize = 200;

export interface AuditServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
}

export interface AuditService {
  /** Writes one entry through `executor`, so it commits or rolls back with the change. */
  record(
    executor: Executor,
    actor: Actor,
    action: string,
    subject: AuditSubject,
    details?: Readonly<Record<string, unknown>>,
  ): Promise<void>;
  /** Newest first; `before` is the id of the oldest entry already shown. */
  listAudit(actor: Actor, options: { limit: number; before?: string }): Promise<AuditPage>;
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor, name: row.actor_name },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export function createAuditService(deps: AuditServiceDeps): AuditService {
  const { db, clock } = deps;
  return {
    record: async (executor, actor, action, subject, details = {}) => {
      await insertAuditEntry(executor, {
        id: newId(),
        at: toTimestamp(clock.now()),
        actor: actor.id,
        actor_name: actor.name,
        action,
        subject_type: subject.type,
        subject_id: subject.id,
        details: JSON.stringify(details),
      });
    },

    listAudit: async (actor, options) => {
      ensureCan(actor, 'audit.read', 'read the audit log');
      const limit = Math.min(Math.max(Math.trunc(options.limit), 1), maximumAuditPageSize);
      let before: { at: string; id: string } | undefined;
      if (options.before !== undefined) {
        const cursor = await findAuditEntryById(db, options.before);
        if (cursor === undefined) {
          throw new AppError('validation_failed', 'That page of the audit log no longer exists.', [
            { field: 'before', message: 'is not the id of an audit log entry' },
          ]);
        }
        before = { at: cursor.at, id: cursor.id };
      }
      const rows = await listAuditEntries(db, { limit, before });
      const last = rows.at(-1);
      return {
        entries: rows.map(toAuditEntry),
        nextBefore: rows.length === limit && last !== undefined ? last.id : null,
      };
    },
  };
}
