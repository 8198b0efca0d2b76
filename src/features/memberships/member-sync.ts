import type { Trx } from '../../db/database.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { changeMemberStatusIn, findMemberIn } from '../members/member-membership.js';
import { listMemberSubscriptions } from './revenue.repository.js';
import { toSubscriptionState } from './subscription-mapping.js';
import { decideMembershipAccess } from './subscription-state.js';

/**
 * Brings a member's status in line with their subscriptions: paying until the latest time
 * any of them allows, or back to free when none does. A gift or comp that reaches further
 * is left alone; a subscription that reaches further replaces it (its trial covers the
 * gift's remaining days).
 */
export async function syncMemberFromSubscriptions(
  trx: Trx,
  deps: { readonly events: EventOutbox; readonly graceMs: number },
  memberId: string,
  now: Date,
): Promise<'paying' | 'not-paying' | 'unchanged'> {
  const member = await findMemberIn(trx, memberId);
  if (member === null) return 'unchanged';
  let until: Date | null = null;
  let endedByCancel = false;
  for (const row of await listMemberSubscriptions(trx, memberId)) {
    const state = toSubscriptionState(row);
    const access = decideMembershipAccess(state, deps.graceMs);
    if (access.kind === 'paying' && (until === null || access.until > until)) until = access.until;
    if (access.kind === 'none' && state.cancelAtPeriodEnd) endedByCancel = true;
  }
  const paying = until !== null && until.getTime() > now.getTime();
  const otherRuns =
    (member.status === 'gift' || member.status === 'comped') &&
    (member.statusUntil === null || member.statusUntil.getTime() > now.getTime());
  if (paying && until !== null) {
    if (otherRuns && (member.statusUntil === null || member.statusUntil >= until))
      return 'unchanged';
    const wasPaying =
      member.status === 'paid' &&
      member.statusUntil !== null &&
      member.statusUntil.getTime() > now.getTime();
    const changed = await changeMemberStatusIn(
      trx,
      deps.events,
      memberId,
      { status: 'paid', until, kind: wasPaying ? 'status-changed' : 'paid' },
      now,
    );
    return changed ? 'paying' : 'unchanged';
  }
  if (member.status !== 'paid') return 'unchanged';
  const changed = await changeMemberStatusIn(
    trx,
    deps.events,
    memberId,
    { status: 'free', until: null, kind: endedByCancel ? 'cancelled' : 'lapsed' },
    now,
  );
  return changed ? 'not-paying' : 'unchanged';
}
