import { Type, type Static } from 'typebox';

/** The Admin API's wire shapes of campaigns, shared with the CMS. */

const GoalKind = Type.Union([
  Type.Literal('paying_members'),
  Type.Literal('members'),
  Type.Literal('donations'),
  Type.Literal('money'),
]);
const AtGoal = Type.Union([Type.Literal('stretch'), Type.Literal('thank'), Type.Literal('end')]);
const Audience = Type.Union([
  Type.Literal('anonymous'),
  Type.Literal('member'),
  Type.Literal('paying'),
]);
const PlacementName = Type.Union([
  Type.Literal('banner'),
  Type.Literal('appeal'),
  Type.Literal('newsletter'),
]);
const VariantStatus = Type.Union([Type.Literal('running'), Type.Literal('stopped')]);

export const CampaignBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Type.Optional(Type.String({ maxLength: 120 })),
    goal_kind: GoalKind,
    goal_target: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
    stretch_target: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    at_goal: AtGoal,
    currency: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217, for money goals' }),
    starts_at: Type.String({ format: 'date-time' }),
    ends_at: Type.String({ format: 'date-time' }),
    section_slugs: Type.Array(Type.String({ maxLength: 120 }), { maxItems: 50 }),
    ask_audiences: Type.Array(Audience, { maxItems: 3 }),
    thanks_headline: Type.String({ maxLength: 300 }),
    thanks_body: Type.String({ maxLength: 2000 }),
    cap_views: Type.Integer({ minimum: 0, maximum: 1000 }),
    cap_days: Type.Integer({ minimum: 0, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type CampaignBody = Static<typeof CampaignBody>;

export const VariantBody = Type.Object(
  {
    placement: PlacementName,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    headline: Type.String({ maxLength: 300 }),
    body: Type.String({ maxLength: 2000 }),
    weight: Type.Integer({ minimum: 0, maximum: 1000 }),
    status: Type.Optional(VariantStatus),
  },
  { additionalProperties: false },
);
export type VariantBody = Static<typeof VariantBody>;

export const CampaignCreateBody = Type.Object(
  {
    ...CampaignBody.properties,
    variants: Type.Optional(Type.Array(VariantBody, { maxItems: 30 })),
  },
  { additionalProperties: false },
);

export const VariantPatch = Type.Partial(Type.Omit(VariantBody, ['placement']), {
  additionalProperties: false,
});

export const VariantResource = Type.Object({
  id: Type.String(),
  placement: PlacementName,
  name: Type.String(),
  headline: Type.String(),
  body: Type.String(),
  weight: Type.Integer(),
  status: VariantStatus,
});
export type VariantResource = Static<typeof VariantResource>;

export const CampaignResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  goal_kind: GoalKind,
  goal_target: Type.Integer(),
  stretch_target: Type.Union([Type.Integer(), Type.Null()]),
  at_goal: AtGoal,
  currency: Type.String(),
  starts_at: Type.String(),
  ends_at: Type.String(),
  section_slugs: Type.Array(Type.String()),
  ask_audiences: Type.Array(Audience),
  thanks_headline: Type.String(),
  thanks_body: Type.String(),
  cap_views: Type.Integer(),
  cap_days: Type.Integer(),
  variants: Type.Array(VariantResource),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type CampaignResource = Static<typeof CampaignResource>;

const Rate = Type.Object({ rate: Type.Number(), low: Type.Number(), high: Type.Number() });

export const CampaignResultsResource = Type.Object({
  progress: Type.Object({
    count: Type.Number(),
    target: Type.Number(),
    remaining: Type.Number(),
    supporters: Type.Number(),
    phase: Type.String(),
  }),
  variants: Type.Array(
    Type.Object({
      variant_id: Type.String(),
      placement: PlacementName,
      name: Type.String(),
      status: Type.String(),
      weight: Type.Integer(),
      impressions: Type.Integer(),
      clicks: Type.Integer(),
      conversions: Type.Integer(),
      conversion: Rate,
    }),
  ),
  timeline: Type.Array(Type.Object({ day: Type.String(), total: Type.Number() })),
});
export type CampaignResultsResource = Static<typeof CampaignResultsResource>;

export const PreviewBody = Type.Object(
  {
    variants: Type.Array(
      Type.Object({
        placement: PlacementName,
        headline: Type.String({ maxLength: 300 }),
        body: Type.String({ maxLength: 2000 }),
      }),
      { maxItems: 30 },
    ),
    thanks_headline: Type.String({ maxLength: 300 }),
    thanks_body: Type.String({ maxLength: 2000 }),
    /** Unsaved goals: the figures are shown against these instead of the saved ones. */
    goal_target: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 })),
    stretch_target: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBody>;

export const PreviewResource = Type.Object({
  css_url: Type.String(),
  placements: Type.Array(
    Type.Object({ placement: PlacementName, label: Type.String(), html: Type.String() }),
  ),
});
export type PreviewResource = Static<typeof PreviewResource>;
