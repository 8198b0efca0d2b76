import { useEffect, useState } from 'preact/hooks';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import type { ReviewSummaryResource, StaffUser } from '../api/resources.js';
import { useApp } from './app-context.js';

/**
 * How many drafts wait in the editors' queue, read again on every move to another screen;
 * null for those who do not review, or before the first answer.
 */
export function useReviewCount(user: StaffUser, path: string): number | null {
  const { api } = useApp();
  const [count, setCount] = useState<number | null>(null);
  const reviews = hasAtLeast(user.role, 'editor');
  useEffect(() => {
    if (!reviews) return;
    let current = true;
    void api.get<{ review: ReviewSummaryResource }>('/desk/review').then(
      ({ review }) => current && setCount(review?.count ?? null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, reviews, path]);
  return count;
}

/** The count badge beside a navigation link; read out as ", 3 waiting". */
export function NavCount(props: { readonly count: number | null }) {
  if (props.count === null || props.count === 0) return null;
  return (
    <span class="nav-count" data-nav-count={props.count}>
      <span class="visually-hidden">, </span>
      {props.count}
      <span class="visually-hidden"> waiting</span>
    </span>
  );
}
