import { Type, type Static, type TSchema } from 'typebox';
import { reviewStates } from './post-review.js';
import { postStatuses, visibilities } from './post.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const FeatureImageInput = Type.Object(
  {
    media_id: Type.String({ minLength: 1, maxLength: 64 }),
    alt: Type.Optional(Type.String({ maxLength: 1000 })),
    caption: Type.Optional(Type.String({ maxLength: 2000 })),
    credit: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const postInputFields = {
  title: Type.Optional(Type.String({ maxLength: 300 })),
  standfirst: Type.Optional(Type.String({ maxLength: 1000 })),
  slug: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  markdown: Type.Optional(Type.String({ maxLength: 2_000_000 })),
  html: Type.Optional(Type.String({ maxLength: 2_000_000 })),
  body: Type.Optional(
    Type.Object({}, { additionalProperties: true, description: 'A body document' }),
  ),
  status: Type.Optional(Type.Union(postStatuses.map((s) => Type.Literal(s)))),
  visibility: Type.Optional(Type.Union(visibilities.map((v) => Type.Literal(v)))),
  published_at: Type.Optional(Type.String({ format: 'date-time' })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
  authors: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 }),
  ),
  feature_image: Type.Optional(Nullable(FeatureImageInput)),
  seo_title: Type.Optional(Type.String({ maxLength: 300 })),
  seo_description: Type.Optional(Type.String({ maxLength: 500 })),
};

export const CreatePostBody = Type.Object(
  { ...postInputFields, title: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  { ...postInputFields, revision: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type UpdatePostBody = Static<typeof UpdatePostBody>;

const TagRef = Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() });
const AuthorRef = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  job_title: Type.String(),
  url: Type.String(),
});

const FeatureImageResource = Nullable(
  Type.Object({
    media_id: Type.String(),
    url: Nullable(Type.String()),
    alt: Type.String(),
    caption: Type.String(),
    credit: Type.String(),
  }),
);

export const PendingChangesResource = Type.Object(
  {
    title: Type.String(),
    standfirst: Type.String(),
    slug: Type.String(),
    url: Type.String(),
    visibility: Type.String(),
    body: Type.Object({}, { additionalProperties: true }),
    feature_image: FeatureImageResource,
    tags: Type.Array(TagRef),
    authors: Type.Array(AuthorRef),
    seo_title: Type.String(),
    seo_description: Type.String(),
    saved_by: Type.String({ description: 'Actor id of whoever saved them last' }),
    saved_by_name: Type.String(),
    saved_at: Type.String(),
  },
  {
    description:
      'Edits to a published or scheduled post that readers do not see yet; ' +
      '`POST /posts/{id}/pending/apply` makes them live, `DELETE /posts/{id}/pending` drops them',
  },
);
export type PendingChangesResource = Static<typeof PendingChangesResource>;

export const PostResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  url: Type.String({ description: 'Where readers find the post once it is published' }),
  title: Type.String(),
  standfirst: Type.String(),
  status: Type.String(),
  visibility: Type.String(),
  body: Type.Object({}, { additionalProperties: true }),
  html: Type.String(),
  excerpt: Type.String(),
  reading_minutes: Type.Integer(),
  feature_image: FeatureImageResource,
  tags: Type.Array(TagRef),
  primary_tag: Nullable(TagRef),
  authors: Type.Array(AuthorRef),
  seo_title: Type.String(),
  seo_description: Type.String(),
  published_at: Nullable(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
  revision: Type.Integer(),
  review: Type.Object(
    {
      state: Type.Union([
        Type.Literal('none'),
        Type.Literal('submitted'),
        Type.Literal('returned'),
      ]),
      note: Type.String({ description: 'The note that came with the last move; empty for none' }),
      by: Nullable(Type.String({ description: 'Staff user id of whoever last moved the review' })),
      at: Nullable(Type.String()),
    },
    { description: 'The editorial review: submitted to editors, or returned with a note' },
  ),
  pending_changes: Nullable(PendingChangesResource),
});
export type PostResource = Static<typeof PostResource>;

export const PostIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A post in a list: every field, or those `?fields=` names (always with `id`). */
export const PostListItem = Type.Object({
  id: PostResource.properties.id,
  ...Type.Partial(Type.Omit(PostResource, ['id'])).properties,
});

export const ListPostsQuery = Type.Object({
  status: Type.Optional(Type.Union(postStatuses.map((s) => Type.Literal(s)))),
  tag: Type.Optional(Type.String({ maxLength: 120 })),
  author: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  review: Type.Optional(Type.Union(reviewStates.map((s) => Type.Literal(s)))),
  sort: Type.Optional(
    Type.Union([Type.Literal('updated'), Type.Literal('published'), Type.Literal('title')]),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  fields: Type.Optional(
    Type.String({
      maxLength: 400,
      description:
        'Comma-separated fields to return, e.g. `id,title,status` (`id` always comes); every field when absent. `html` is rendered only when asked for.',
    }),
  ),
});
