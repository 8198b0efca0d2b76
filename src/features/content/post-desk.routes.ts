import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { PostDesk, ReviewSummary } from './post-desk.js';

export interface PostDeskRoutesDeps {
  readonly desk: PostDesk;
  readonly timeZone: () => Promise<string>;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const ReviewSummaryResource = Type.Union([
  Type.Null(),
  Type.Object({
    count: Type.Integer(),
    oldest: Type.Union([
      Type.Null(),
      Type.Object({ id: Type.String(), title: Type.String(), since: Type.String() }),
    ]),
  }),
]);

function toReviewResource(review: ReviewSummary | null) {
  if (review === null) return null;
  return {
    count: review.count,
    oldest:
      review.oldest === null
        ? null
        : { ...review.oldest, since: review.oldest.since.toISOString() },
  };
}

/** The dashboard's reads: `/api/admin/desk` and the queue's count for the navigation. */
export function postDeskRoutes(deps: PostDeskRoutesDeps) {
  const { desk, requireActor } = deps;
  const tags = ['posts'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/desk',
      {
        schema: {
          tags,
          summary: 'The review queue and the posts going live in the next 24 hours',
          response: {
            200: Type.Object({
              time_zone: Type.String(),
              from: Type.String(),
              until: Type.String(),
              review: ReviewSummaryResource,
              upcoming: Type.Array(
                Type.Object({
                  id: Type.String(),
                  title: Type.String(),
                  published_at: Type.String(),
                  section: Type.Union([Type.Null(), Type.String()]),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const found = await desk.getDesk(requireActor(request));
        return {
          time_zone: await deps.timeZone(),
          from: found.from.toISOString(),
          until: found.until.toISOString(),
          review: toReviewResource(found.review),
          upcoming: found.upcoming.map((post) => ({
            id: post.id,
            title: post.title,
            published_at: (post.publishedAt ?? found.until).toISOString(),
            section: post.tags[0]?.name ?? null,
          })),
        };
      },
    );

    app.get(
      '/desk/review',
      {
        schema: {
          tags,
          summary: "The editors' queue: how many drafts wait, and the oldest",
          response: { 200: Type.Object({ review: ReviewSummaryResource }) },
        },
      },
      async (request) => ({
        review: toReviewResource(await desk.reviewSummary(requireActor(request))),
      }),
    );
  };
}
