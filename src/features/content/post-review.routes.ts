import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { PostResources } from './post-resources.js';
import { longestReviewNote, type PostReviewService } from './post-review.service.js';
import { PostIdParams, PostResource } from './post.schemas.js';

export interface PostReviewRoutesDeps {
  readonly reviews: PostReviewService;
  readonly toResources: PostResources;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const PostEnvelope = Type.Object({ post: PostResource });
const SubmitBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: longestReviewNote })) },
  { additionalProperties: false },
);
const ReturnBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: longestReviewNote }) },
  { additionalProperties: false },
);

/** The review workflow under `/api/admin`; the queue is `GET /posts?review=submitted`. */
export function postReviewRoutes(deps: PostReviewRoutesDeps) {
  const { reviews, requireActor } = deps;
  const tags = ['posts'];
  const one = async (post: Parameters<PostResources>[0][number]) => {
    const [resource] = await deps.toResources([post]);
    if (resource === undefined) throw new Error('A post could not be shown.');
    return { post: resource };
  };

  return async (app: AppInstance): Promise<void> => {
    app.post(
      '/posts/:id/submit',
      {
        schema: {
          tags,
          summary: 'Submit a draft for review; e-mails the editors',
          params: PostIdParams,
          body: SubmitBody,
          response: { 200: PostEnvelope },
        },
        // `POST …/submit` with no body at all submits without a note.
        preValidation: async (request) => {
          const sent: unknown = request.body;
          if (sent === undefined || sent === null) request.body = {};
        },
      },
      async (request) =>
        one(
          await reviews.submitForReview(
            requireActor(request),
            request.params.id,
            request.body.note,
          ),
        ),
    );

    app.post(
      '/posts/:id/return',
      {
        schema: {
          tags,
          summary: 'Send a submitted draft back to its authors with a note; e-mails them',
          params: PostIdParams,
          body: ReturnBody,
          response: { 200: PostEnvelope },
        },
      },
      async (request) =>
        one(
          await reviews.returnToAuthors(
            requireActor(request),
            request.params.id,
            request.body.note,
          ),
        ),
    );
  };
}
