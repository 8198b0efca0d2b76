import type { Executor } from '../../db/database.js';

/**
 * The members other features reach by e-mail address (newsletter sends). The SQL stays
 * here, with the members table it reads.
 */

/**
 * The addresses of members, or of paying members at `now` (a paid status without an end,
 * or with an end still ahead), as a subquery another statement can use by address, so a
 * send of 100,000 recipients stays one statement.
 */
export function selectMemberEmails(
  executor: Executor,
  scope: { readonly paying: boolean; readonly now: string },
) {
  const members = executor.selectFrom('members').select('members.email');
  if (!scope.paying) return members;
  return members
    .where('members.status', '!=', 'free')
    .where((w) =>
      w.or([w('members.status_until', 'is', null), w('members.status_until', '>', scope.now)]),
    );
}

/** The membership of those of some addresses that belong to a member. */
export async function listMembershipsByEmail(
  executor: Executor,
  emails: readonly string[],
): Promise<{ email: string; status: string; status_until: string | null }[]> {
  if (emails.length === 0) return [];
  return executor
    .selectFrom('members')
    .select(['email', 'status', 'status_until'])
    .where('email', 'in', [...emails])
    .execute();
}
