import { Type } from 'typebox';
import type { TSchema } from 'typebox';

/**
 * The TypeBox schema of the body. `BodyDocumentSchema` is the whole document (for route
 * schemas and OpenAPI); the `*Variants` records hold one schema per `type` so that
 * `parseBody` can validate a block against the one shape it claims to be and report
 * problems a person can act on, instead of one error per union member.
 */

export const BODY_LIMITS = {
  blocks: 2_000,
  inlinesPerBlock: 10_000,
  listItems: 1_000,
  marksPerRun: 10,
  textRun: 100_000,
  url: 2_048,
  alt: 1_000,
  caption: 2_000,
  credit: 500,
  attribution: 500,
  pullquote: 1_000,
  embedTitle: 500,
  id: 100,
} as const;

const closed = { additionalProperties: false } as const;

function url() {
  return Type.String({ minLength: 1, maxLength: BODY_LIMITS.url });
}

function plain(maxLength: number) {
  return Type.String({ maxLength });
}

export const markVariants = {
  bold: Type.Object({ type: Type.Literal('bold') }, closed),
  italic: Type.Object({ type: Type.Literal('italic') }, closed),
  code: Type.Object({ type: Type.Literal('code') }, closed),
  strike: Type.Object({ type: Type.Literal('strike') }, closed),
  link: Type.Object({ type: Type.Literal('link'), href: url() }, closed),
};

export const MarkSchema = Type.Union([
  markVariants.bold,
  markVariants.italic,
  markVariants.code,
  markVariants.strike,
  markVariants.link,
]);

/** Inline schemas, with the schema of one mark as a parameter (see `blockVariantsWith`). */
export function inlineVariantsWith<M extends TSchema>(mark: M) {
  return {
    text: Type.Object(
      {
        type: Type.Literal('text'),
        text: plain(BODY_LIMITS.textRun),
        marks: Type.Optional(Type.Array(mark, { maxItems: BODY_LIMITS.marksPerRun })),
      },
      closed,
    ),
    break: Type.Object({ type: Type.Literal('break') }, closed),
  };
}

export const inlineVariants = inlineVariantsWith(MarkSchema);

export const InlineSchema = Type.Union([inlineVariants.text, inlineVariants.break]);

export const EmbedProviderSchema = Type.Enum([
  'youtube',
  'vimeo',
  'x',
  'instagram',
  'tiktok',
  'soundcloud',
  'link',
]);

/**
 * Block schemas, with the schema of one inline as a parameter: the full schema nests
 * `InlineSchema`; `parseBody` passes `Type.Unknown()` and checks inlines one by one.
 */
export function blockVariantsWith<I extends TSchema>(inline: I) {
  const content = Type.Array(inline, { maxItems: BODY_LIMITS.inlinesPerBlock });
  return {
    paragraph: Type.Object({ type: Type.Literal('paragraph'), content }, closed),
    heading: Type.Object(
      { type: Type.Literal('heading'), level: Type.Enum([2, 3, 4]), content },
      closed,
    ),
    list: Type.Object(
      {
        type: Type.Literal('list'),
        ordered: Type.Boolean(),
        items: Type.Array(content, { minItems: 1, maxItems: BODY_LIMITS.listItems }),
      },
      closed,
    ),
    quote: Type.Object(
      {
        type: Type.Literal('quote'),
        content,
        attribution: Type.Optional(plain(BODY_LIMITS.attribution)),
      },
      closed,
    ),
    pullquote: Type.Object(
      {
        type: Type.Literal('pullquote'),
        text: Type.String({ minLength: 1, maxLength: BODY_LIMITS.pullquote }),
        attribution: Type.Optional(plain(BODY_LIMITS.attribution)),
      },
      closed,
    ),
    image: Type.Object(
      {
        type: Type.Literal('image'),
        mediaId: Type.Union([
          Type.String({ minLength: 1, maxLength: BODY_LIMITS.id }),
          Type.Null(),
        ]),
        src: plain(BODY_LIMITS.url),
        alt: plain(BODY_LIMITS.alt),
        caption: plain(BODY_LIMITS.caption),
        credit: plain(BODY_LIMITS.credit),
      },
      closed,
    ),
    embed: Type.Object(
      {
        type: Type.Literal('embed'),
        url: url(),
        provider: EmbedProviderSchema,
        title: plain(BODY_LIMITS.embedTitle),
      },
      closed,
    ),
    related: Type.Object(
      {
        type: Type.Literal('related'),
        postId: Type.String({ minLength: 1, maxLength: BODY_LIMITS.id }),
      },
      closed,
    ),
    divider: Type.Object({ type: Type.Literal('divider') }, closed),
    paywall: Type.Object({ type: Type.Literal('paywall') }, closed),
  };
}

export const blockVariants = blockVariantsWith(InlineSchema);

export const BlockSchema = Type.Union([
  blockVariants.paragraph,
  blockVariants.heading,
  blockVariants.list,
  blockVariants.quote,
  blockVariants.pullquote,
  blockVariants.image,
  blockVariants.embed,
  blockVariants.related,
  blockVariants.divider,
  blockVariants.paywall,
]);

export const BodyDocumentSchema = Type.Object(
  {
    version: Type.Literal(1),
    blocks: Type.Array(BlockSchema, { maxItems: BODY_LIMITS.blocks }),
  },
  closed,
);
