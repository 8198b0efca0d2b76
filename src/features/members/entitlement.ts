import type { Member } from './member.js';

/**
 * What a reader may read. Staff read everything (and are never cached); a paying member
 * holds an active paid membership, gift or comp; any other member is free.
 */
export const entitlements = ['anonymous', 'member', 'paying', 'staff'] as const;
export type Entitlement = (typeof entitlements)[number];

/** The entitlement of a member at `now`: a gift or comp past its end date counts as free. */
export function decideEntitlement(
  member: Pick<Member, 'status' | 'statusUntil'>,
  now: Date,
): 'member' | 'paying' {
  if (member.status === 'free') return 'member';
  if (member.statusUntil !== null && member.statusUntil.getTime() <= now.getTime()) {
    return 'member';
  }
  return 'paying';
}

/** Until when `decideEntitlement` keeps its answer; null when only a change can move it. */
export function entitlementLastsUntil(
  member: Pick<Member, 'status' | 'statusUntil'>,
  now: Date,
): Date | null {
  if (member.status === 'free' || member.statusUntil === null) return null;
  return member.statusUntil.getTime() > now.getTime() ? member.statusUntil : null;
}
