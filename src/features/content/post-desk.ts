import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import type { Actor } from '../staff/actor.js';
import { can } from '../staff/permissions.js';
import * as deskRepo from './post-desk.repository.js';
import { toPosts } from './post-mapping.js';
import { isOwnerOf } from './post-policy.js';
import * as repo from './post.repository.js';
import type { Post } from './post.js';

/** The editors' queue at a glance: how many wait, and the one waiting longest. */
export interface ReviewSummary {
  readonly count: number;
  readonly oldest: { readonly id: string; readonly title: string; readonly since: Date } | null;
}

/** What the dashboard shows first thing in the morning. */
export interface Desk {
  /** Null for those who do not review (contributors and authors). */
  readonly review: ReviewSummary | null;
  /** Posts going live in the next 24 hours, soonest first. */
  readonly upcoming: readonly Post[];
  readonly from: Date;
  readonly until: Date;
}

export interface PostDeskDeps {
  readonly db: Db;
  readonly clock: Clock;
}

export type PostDesk = ReturnType<typeof createPostDesk>;

const dayMs = 24 * 60 * 60 * 1000;

/** The newsroom's day: the review queue and what goes out next, read for the dashboard. */
export function createPostDesk(deps: PostDeskDeps) {
  const { db, clock } = deps;
  return {
    /** The queue's size and oldest draft; null for those who may not review. */
    async reviewSummary(actor: Actor): Promise<ReviewSummary | null> {
      if (!can(actor, 'post.review')) return null;
      const [count, oldest] = await Promise.all([
        deskRepo.countSubmitted(db),
        deskRepo.findOldestSubmitted(db),
      ]);
      return {
        count,
        oldest:
          oldest === undefined
            ? null
            : {
                id: oldest.id,
                title: oldest.title,
                since: new Date(oldest.review_at ?? 0),
              },
      };
    },

    async getDesk(actor: Actor): Promise<Desk> {
      const from = clock.now();
      const until = new Date(from.getTime() + dayMs);
      const ids = await deskRepo.listScheduledIdsBetween(db, toTimestamp(from), toTimestamp(until));
      const posts = await toPosts(db, await repo.findPostsByIds(db, ids));
      const order = new Map(ids.map((id, index) => [id, index]));
      const upcoming = posts
        .filter((post) => can(actor, 'post.edit-any') || isOwnerOf(actor, post))
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return { review: await this.reviewSummary(actor), upcoming, from, until };
    },
  };
}
