import type { Trx } from '../../db/database.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';

/**
 * What a member may read changed (status, comp, deletion, sign-out everywhere): audience
 * cookies issued before `at` are no longer trusted by the page cache.
 */
export interface MemberEntitlementChanged {
  readonly memberId: string;
  /** ISO 8601 time of the change. */
  readonly at: string;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'member.entitlement-changed': MemberEntitlementChanged;
  }
}

/** Records the change with the transaction that makes it; deliver after commit. */
export function recordEntitlementChange(
  events: EventOutbox,
  trx: Trx,
  memberId: string,
  at: Date,
): Promise<void> {
  return events.record(trx, 'member.entitlement-changed', { memberId, at: at.toISOString() });
}
