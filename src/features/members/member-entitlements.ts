import type { Executor } from '../../db/database.js';
import { decideEntitlement } from './entitlement.js';
import { isMemberStatus } from './member.js';
import { listMembershipsByEmail } from './member-reach.repository.js';

/**
 * What each of some addresses may read at `now`, by the one reader-access rule: addresses
 * of no member are left out (they read as anonymous readers).
 */
export async function findEntitlementsByEmail(
  executor: Executor,
  emails: readonly string[],
  now: Date,
): Promise<Map<string, 'member' | 'paying'>> {
  const found = new Map<string, 'member' | 'paying'>();
  for (const row of await listMembershipsByEmail(executor, emails)) {
    if (!isMemberStatus(row.status)) continue;
    const statusUntil = row.status_until === null ? null : new Date(row.status_until);
    found.set(row.email, decideEntitlement({ status: row.status, statusUntil }, now));
  }
  return found;
}
