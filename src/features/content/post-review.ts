import type { PostRow, PostTable } from './post.table.js';

/**
 * The editorial review of a draft: `none` (not in review), `submitted` (waiting in the
 * editors' queue), `returned` (sent back to its authors with a note).
 */
export const reviewStates = ['none', 'submitted', 'returned'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface PostReview {
  readonly state: ReviewState;
  /** The submitter's note to editors, or the editor's note to the authors; '' for none. */
  readonly note: string;
  /** The staff user id of whoever last moved the review. */
  readonly by: string | null;
  readonly at: Date | null;
}

type ReviewColumns = Pick<PostTable, 'review_note' | 'review_by' | 'review_at'> & {
  review_state: ReviewState;
};

/** A post that goes live or is scheduled leaves review: the queue holds drafts only. */
export const clearedReviewColumns: ReviewColumns = {
  review_state: 'none',
  review_note: null,
  review_by: null,
  review_at: null,
};

function toReviewState(value: string): ReviewState {
  const found = reviewStates.find((state) => state === value);
  if (found === undefined) throw new Error(`Unknown review state in the database: ${value}`);
  return found;
}

export function toPostReview(
  row: Pick<PostRow, 'review_state' | 'review_note' | 'review_by' | 'review_at'>,
): PostReview {
  return {
    state: toReviewState(row.review_state),
    note: row.review_note ?? '',
    by: row.review_by,
    at: row.review_at === null ? null : new Date(row.review_at),
  };
}
