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
