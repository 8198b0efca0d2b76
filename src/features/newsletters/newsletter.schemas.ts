import { Type, type Static } from 'typebox';
import type { Issue, SendProgress } from './issue.js';
import type { Newsletter } from './newsletter.js';

const Audience = Type.Union([
  Type.Literal('everyone'),
  Type.Literal('members'),
  Type.Literal('paying'),
]);
const Status = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

export const NewsletterResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  author_name: Type.String(),
  sender_name: Type.String(),
  sender_email: Type.Union([Type.String(), Type.Null()]),
  reply_to: Type.Union([Type.String(), Type.Null()]),
  cadence: Type.String(),
  audience: Audience,
  status: Status,
  sort_order: Type.Integer(),
  briefing: Type.Boolean({
    description: 'An issue is drafted each morning from the latest articles',
  }),
  subscribers: Type.Integer({ description: 'Confirmed subscribers' }),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type NewsletterResource = Static<typeof NewsletterResource>;

export const NewsletterBody = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  author_name: Type.Optional(Type.String({ maxLength: 120 })),
  sender_name: Type.Optional(Type.String({ maxLength: 120 })),
  sender_email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
  reply_to: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
  cadence: Type.Optional(Type.String({ maxLength: 120 })),
  audience: Type.Optional(Audience),
  status: Type.Optional(Status),
  sort_order: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  briefing: Type.Optional(Type.Boolean()),
});
export type NewsletterBody = Static<typeof NewsletterBody>;
export const NewsletterPatch = Type.Partial(NewsletterBody);
export type NewsletterPatch = Static<typeof NewsletterPatch>;

export function toNewsletterInput(body: NewsletterPatch) {
  return {
    ...(body.slug === undefined ? {} : { slug: body.slug }),
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.description === undefined ? {} : { description: body.description }),
    ...(body.author_name === undefined ? {} : { authorName: body.author_name }),
    ...(body.sender_name === undefined ? {} : { senderName: body.sender_name }),
    ...(body.sender_email === undefined
      ? {}
      : { senderEmail: body.sender_email === '' ? null : body.sender_email }),
    ...(body.reply_to === undefined
      ? {}
      : { replyTo: body.reply_to === '' ? null : body.reply_to }),
    ...(body.cadence === undefined ? {} : { cadence: body.cadence }),
    ...(body.audience === undefined ? {} : { audience: body.audience }),
    ...(body.status === undefined ? {} : { status: body.status }),
    ...(body.sort_order === undefined ? {} : { sortOrder: body.sort_order }),
    ...(body.briefing === undefined ? {} : { briefing: body.briefing }),
  };
}

export function toNewsletterResource(
  newsletter: Newsletter,
  subscribers: number,
): NewsletterResource {
  return {
    id: newsletter.id,
    slug: newsletter.slug,
    name: newsletter.name,
    description: newsletter.description,
    author_name: newsletter.authorName,
    sender_name: newsletter.senderName,
    sender_email: newsletter.senderEmail,
    reply_to: newsletter.replyTo,
    cadence: newsletter.cadence,
    audience: newsletter.audience,
    status: newsletter.status,
    sort_order: newsletter.sortOrder,
    briefing: newsletter.briefing,
    subscribers,
    created_at: newsletter.createdAt.toISOString(),
    updated_at: newsletter.updatedAt.toISOString(),
  };
}

export const ProgressResource = Type.Object({
  recipients: Type.Integer(),
  queued: Type.Integer(),
  submitted: Type.Integer(),
  failed: Type.Integer(),
  bounced: Type.Integer(),
});

export const IssueResource = Type.Object({
  id: Type.String(),
  newsletter_id: Type.String(),
  subject: Type.String(),
  preheader: Type.String(),
  post_id: Type.Union([Type.String(), Type.Null()]),
  origin: Type.String(),
  status: Type.Union([
    Type.Literal('draft'),
    Type.Literal('scheduled'),
    Type.Literal('sending'),
    Type.Literal('sent'),
  ]),
  scheduled_at: Type.Union([Type.String(), Type.Null()]),
  started_at: Type.Union([Type.String(), Type.Null()]),
  finished_at: Type.Union([Type.String(), Type.Null()]),
  recipients: Type.Integer(),
  blocks: Type.Integer({ description: 'Blocks in the written body' }),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type IssueResource = Static<typeof IssueResource>;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function toIssueResource(issue: Issue): IssueResource {
  return {
    id: issue.id,
    newsletter_id: issue.newsletterId,
    subject: issue.subject,
    preheader: issue.preheader,
    post_id: issue.postId,
    origin: issue.origin,
    status: issue.status,
    scheduled_at: iso(issue.scheduledAt),
    started_at: iso(issue.startedAt),
    finished_at: iso(issue.finishedAt),
    recipients: issue.recipients,
    blocks: issue.body.blocks.length,
    created_at: issue.createdAt.toISOString(),
    updated_at: issue.updatedAt.toISOString(),
  };
}

export function toProgressResource(progress: SendProgress) {
  return { ...progress };
}

export const IssueBody = Type.Object({
  newsletter_id: Type.String({ minLength: 1, maxLength: 64 }),
  subject: Type.String({ minLength: 1, maxLength: 200 }),
  preheader: Type.Optional(Type.String({ maxLength: 200 })),
  post_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  markdown: Type.Optional(
    Type.String({ maxLength: 200_000, description: 'The written body, in Markdown' }),
  ),
});
export type IssueBody = Static<typeof IssueBody>;
export const IssuePatch = Type.Partial(Type.Omit(IssueBody, ['newsletter_id']));
export type IssuePatch = Static<typeof IssuePatch>;
