import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { enqueueMail } from '../../platform/mail/mail-jobs.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import { hasAtLeast } from '../staff/role.js';
import type { StaffUser } from '../staff/staff-user.js';
import { toPosts } from './post-mapping.js';
import { ensureCanEdit, findPublishProblems } from './post-policy.js';
import type { ReviewState } from './post-review.js';
import * as repo from './post.repository.js';
import type { Post } from './post.js';
import { toReviewEmail } from './review-email.js';

type MovedState = Exclude<ReviewState, 'none'>;

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** A post was submitted or returned at `at`: e-mail the people who should know. */
    'post.review': { postId: string; state: MovedState; at: string; byName: string };
  }
}

export interface PostReviewServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  /** Every staff user, active or not; the review picks its recipients from them. */
  readonly listStaff: () => Promise<readonly StaffUser[]>;
  readonly siteTitle: () => Promise<string>;
  /** Absolute URLs of a post in the CMS editor and in preview. */
  readonly editUrl: (postId: string) => string;
  readonly previewUrl: (postId: string) => string;
}

export type PostReviewService = ReturnType<typeof createPostReviewService>;

export const longestReviewNote = 2000;

/**
 * The editorial workflow: a contributor or author submits a draft, editors find it in
 * their queue (`review=submitted`) and publish it or return it with a note. Each move
 * e-mails the people concerned through the job queue, written with the move.
 */
export function createPostReviewService(deps: PostReviewServiceDeps) {
  const { db, clock, audit, jobs } = deps;

  async function load(executor: Executor, id: string): Promise<Post> {
    const row = await repo.findPostById(executor, id);
    const post = row === undefined ? undefined : (await toPosts(executor, [row]))[0];
    if (post === undefined) throw notFound('That post');
    return post;
  }

  function checkNote(note: string | undefined, required: boolean): string | null {
    const trimmed = note?.trim() ?? '';
    if (required && trimmed === '') {
      throw invalid([{ field: 'note', message: 'tell the authors what to change' }]);
    }
    if (trimmed.length > longestReviewNote) {
      throw invalid([{ field: 'note', message: `use at most ${longestReviewNote} characters` }]);
    }
    return trimmed === '' ? null : trimmed;
  }

  async function move(
    actor: Actor,
    post: Post,
    state: MovedState,
    note: string | null,
    fromStates: readonly ReviewState[],
  ): Promise<Post> {
    const at = toTimestamp(clock.now());
    await db.transaction().execute(async (trx) => {
      const moved = await repo.updatePostReview(trx, post.id, fromStates, {
        review_state: state,
        review_note: note,
        review_by: actor.userId ?? actor.id,
        review_at: at,
      });
      if (!moved) {
        throw new AppError('conflict', 'This post changed meanwhile. Reload it and try again.');
      }
      await audit.record(
        trx,
        actor,
        state === 'submitted' ? 'post.submit' : 'post.return',
        { type: 'post', id: post.id },
        { note },
      );
      await jobs.enqueue(
        trx,
        'post.review',
        { postId: post.id, state, at, byName: actor.name },
        { idempotencyKey: `post.review:${post.id}:${state}:${at}` },
      );
    });
    return load(db, post.id);
  }

  function recipientsFor(post: Post, state: MovedState, staff: readonly StaffUser[]) {
    const mover = post.review.by;
    const active = staff.filter((user) => user.status === 'active' && user.id !== mover);
    if (state === 'submitted') return active.filter((user) => hasAtLeast(user.role, 'editor'));
    const writers = new Set(post.authors.map((author) => author.id));
    if (post.createdBy.startsWith('user:')) writers.add(post.createdBy.slice('user:'.length));
    return active.filter((user) => writers.has(user.id));
  }

  return {
    /** Puts the actor's draft in the editors' queue, with an optional note for them. */
    async submitForReview(actor: Actor, postId: string, note?: string): Promise<Post> {
      const checked = checkNote(note, false);
      const post = await load(db, postId);
      ensureCanEdit(actor, post);
      if (post.status !== 'draft') {
        throw new AppError('conflict', 'Only a draft can be submitted for review.');
      }
      if (post.review.state === 'submitted') {
        throw new AppError('conflict', 'This post is already waiting for an editor.');
      }
      const problems = findPublishProblems(post);
      if (problems.length > 0) {
        throw new AppError('validation_failed', 'This post is not ready for review yet.', problems);
      }
      return move(actor, post, 'submitted', checked, ['none', 'returned']);
    },

    /** Sends a submitted draft back to its authors with a note saying what to change. */
    async returnToAuthors(actor: Actor, postId: string, note: string): Promise<Post> {
      ensureCan(actor, 'post.review', 'send posts back to their authors');
      const checked = checkNote(note, true);
      const post = await load(db, postId);
      if (post.review.state !== 'submitted') {
        throw new AppError('conflict', 'This post is not waiting for review.');
      }
      return move(actor, post, 'returned', checked, ['submitted']);
    },

    /**
     * The job: one `mail.send` per recipient, all enqueued together and keyed by the move,
     * so a second run sends nobody a second e-mail. A move overtaken by another (the post
     * was published or moved again) sends nothing.
     */
    async sendReviewEmails(payload: {
      postId: string;
      state: MovedState;
      at: string;
      byName: string;
    }): Promise<number> {
      const row = await repo.findPostById(db, payload.postId);
      const post = row === undefined ? undefined : (await toPosts(db, [row]))[0];
      if (post === undefined) return 0;
      if (post.review.state !== payload.state || post.review.at?.toISOString() !== payload.at) {
        return 0;
      }
      const recipients = recipientsFor(post, payload.state, await deps.listStaff());
      const message = toReviewEmail({
        siteTitle: await deps.siteTitle(),
        state: payload.state,
        title: post.title,
        byName: payload.byName,
        note: post.review.note === '' ? null : post.review.note,
        editUrl: deps.editUrl(post.id),
        previewUrl: deps.previewUrl(post.id),
      });
      await db.transaction().execute(async (trx) => {
        for (const user of recipients) {
          const key = `post.review:${post.id}:${payload.state}:${payload.at}:${user.id}`;
          await enqueueMail(jobs, trx, { to: user.email, ...message }, key);
        }
      });
      return recipients.length;
    },
  };
}
