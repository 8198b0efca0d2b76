import type { MemberCountsResponse } from '../../../src/features/members/member.schemas.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { Loaded } from '../ui/loaded.js';

/** How many members of each kind: on the dashboard and above the member list. */
export function MemberCounts() {
  const { api } = useApp();
  const [counts] = useResource(() => api.get<MemberCountsResponse>('/members/counts'), 'counts');
  return (
    <section class="panel" aria-labelledby="member-counts">
      <h2 id="member-counts">Members</h2>
      <Loaded resource={counts} what="member counts">
        {({ counts: c }) => (
          <p>
            <a href={adminHref('/members')}>{c.total} members</a>: {c.free} free, {c.paid} paying,{' '}
            {c.gift} gift, {c.comped} complimentary
          </p>
        )}
      </Loaded>
    </section>
  );
}
