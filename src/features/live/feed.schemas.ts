import { Type, type Static, type TSchema } from 'typebox';
import { feedEntryLimits } from './feed-entry-input.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const entryInputFields = {
  title: Type.Optional(Type.String({ minLength: 1, maxLength: feedEntryLimits.title })),
  markdown: Type.Optional(
    Type.String({ maxLength: feedEntryLimits.markdown, description: 'The body as Markdown' }),
  ),
  body: Type.Optional(
    Type.Object({}, { additionalProperties: true, description: 'The body as a body document' }),
  ),
  slug: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  pinned: Type.Optional(Type.Boolean()),
  key_event: Type.Optional(Type.Boolean()),
  post_id: Type.Optional(
    Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'The article to link to' })),
  ),
  sections: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      maxItems: feedEntryLimits.sections,
      description: 'Tag ids, slugs or names; the first is the section',
    }),
  ),
  author: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Staff slug, e-mail or id' }),
  ),
  published_at: Type.Optional(
    Type.String({ format: 'date-time', description: 'Back-dates the entry; never in the future' }),
  ),
};

export const CreateFeedEntryBody = Type.Object(
  { ...entryInputFields, title: Type.String({ minLength: 1, maxLength: feedEntryLimits.title }) },
  { additionalProperties: false },
);
export type CreateFeedEntryBody = Static<typeof CreateFeedEntryBody>;

export const UpdateFeedEntryBody = Type.Object(
  {
    ...entryInputFields,
    revision: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Refuse the save if someone saved after this' }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateFeedEntryBody = Static<typeof UpdateFeedEntryBody>;

const TagRef = Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() });

export const FeedEntryResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  url: Type.String({ description: 'The entry’s own page' }),
  title: Type.String(),
  body: Type.Object({}, { additionalProperties: true }),
  html: Type.String(),
  excerpt: Type.String(),
  author: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  post: Nullable(
    Type.Object({
      id: Type.String(),
      slug: Type.String(),
      title: Type.String(),
      status: Type.String(),
      url: Type.String(),
    }),
  ),
  sections: Type.Array(TagRef),
  pinned: Type.Boolean(),
  key_event: Type.Boolean(),
  published_at: Type.String(),
  edited_at: Nullable(
    Type.String({ description: 'Shown to readers as "Updated"; null when never edited' }),
  ),
  created_at: Type.String(),
  updated_at: Type.String(),
  revision: Type.Integer(),
});
export type FeedEntryResource = Static<typeof FeedEntryResource>;

export const FeedEntryEnvelope = Type.Object({ entry: FeedEntryResource });

export const FeedEntryIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ListFeedQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  before: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  pinned: Type.Optional(Type.Boolean()),
});

export const FeedPageResource = Type.Object({
  entries: Type.Array(FeedEntryResource),
  older: Nullable(Type.String({ description: 'Pass as `before` for the next, older page' })),
  newer: Nullable(Type.String({ description: 'Pass as `after` for the previous, newer page' })),
});

export const LiveStatsResource = Type.Object({
  connections: Type.Integer({ description: 'Open /news-feed/live connections in this process' }),
  last_change_id: Type.Integer(),
  dropped_slow_clients: Type.Integer(),
});
