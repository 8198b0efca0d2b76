import type { Trx } from '../../db/database.js';
import { toTimestamp } from '../../platform/clock.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import { recordEntitlementChange } from './member-events.js';
import { toMember } from './member-mapping.js';
import {
  findMemberRowByEmail,
  findMemberRowById,
  insertMember,
  updateMemberRow,
} from './member.repository.js';
import { recordMemberEvent } from './member.service.js';
import type { Member, MemberEventKind, MemberStatus } from './member.js';

/**
 * How other features (memberships, gifts) move a member's status: inside their own
 * transaction, through the member's timeline and the entitlement-changed event, so the
 * audience cookies and cached pages follow. One way in, for staff and payments alike.
 */
export interface MemberStatusChange {
  readonly status: MemberStatus;
  readonly until: Date | null;
  readonly kind: MemberEventKind;
  readonly detail?: Record<string, string | null>;
}

/** The member with this address, made (free, confirmed by the payment) when there is none. */
export async function findOrCreateMemberIn(
  trx: Trx,
  input: { email: string; name: string; at: Date },
): Promise<{ member: Member; created: boolean }> {
  const found = await findMemberRowByEmail(trx, input.email);
  if (found !== undefined) {
    if (found.name === '' && input.name !== '') {
      await updateMemberRow(trx, found.id, { name: input.name, updated_at: toTimestamp(input.at) });
    }
    return { member: toMember(found), created: false };
  }
  const at = toTimestamp(input.at);
  const id = newId();
  await insertMember(trx, {
    id,
    email: input.email,
    name: input.name,
    status: 'free',
    status_until: null,
    created_at: at,
    updated_at: at,
    confirmed_at: at,
    last_seen_at: null,
  });
  await recordMemberEvent(trx, id, 'signed-up', input.at);
  const row = await findMemberRowById(trx, id);
  if (row === undefined) throw new Error('A member just written cannot be read back.');
  return { member: toMember(row), created: true };
}

export async function findMemberIn(trx: Trx, id: string): Promise<Member | null> {
  const row = await findMemberRowById(trx, id);
  return row === undefined ? null : toMember(row);
}

/** Sets the status when it differs; says whether it changed. */
export async function changeMemberStatusIn(
  trx: Trx,
  events: EventOutbox,
  memberId: string,
  change: MemberStatusChange,
  at: Date,
): Promise<boolean> {
  const row = await findMemberRowById(trx, memberId);
  if (row === undefined) return false;
  const until = change.until === null ? null : toTimestamp(change.until);
  if (row.status === change.status && row.status_until === until) return false;
  await updateMemberRow(trx, memberId, {
    status: change.status,
    status_until: until,
    updated_at: toTimestamp(at),
  });
  await recordMemberEvent(trx, memberId, change.kind, at, {
    from: row.status,
    to: change.status,
    until,
    ...change.detail,
  });
  await recordEntitlementChange(events, trx, memberId, at);
  return true;
}

/** A note on the member's timeline that changes nothing else (a payment failed). */
export async function noteMemberEventIn(
  trx: Trx,
  memberId: string,
  kind: MemberEventKind,
  at: Date,
  detail: Record<string, string | null>,
  actorName: string | null = null,
): Promise<void> {
  if ((await findMemberRowById(trx, memberId)) === undefined) return;
  await recordMemberEvent(trx, memberId, kind, at, detail, actorName);
}
