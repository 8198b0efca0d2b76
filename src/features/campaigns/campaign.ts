import type { CampaignRow, CampaignVariantRow } from './campaign.table.js';

/** What counts toward a goal. */
export const goalKinds = ['paying_members', 'members', 'donations', 'money'] as const;
export type GoalKind = (typeof goalKinds)[number];

/** What a campaign does once its goal is reached. */
export const atGoalChoices = ['stretch', 'thank', 'end'] as const;
export type AtGoal = (typeof atGoalChoices)[number];

export const placements = ['banner', 'appeal', 'newsletter'] as const;
export type Placement = (typeof placements)[number];

export const variantStatuses = ['running', 'stopped'] as const;
export type VariantStatus = (typeof variantStatuses)[number];

/** The audiences a cached page is made for, as campaigns target them. */
export const campaignAudiences = ['anonymous', 'member', 'paying'] as const;
export type CampaignAudience = (typeof campaignAudiences)[number];

export interface CampaignVariant {
  readonly id: string;
  readonly campaignId: string;
  readonly placement: Placement;
  readonly name: string;
  readonly headline: string;
  /** Markdown with `{goal}`, `{count}`, `{supporters}`, `{remaining}`. */
  readonly body: string;
  readonly weight: number;
  readonly status: VariantStatus;
  readonly position: number;
  readonly impressions: number;
  readonly clicks: number;
}

export interface Campaign {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly goalKind: GoalKind;
  readonly goalTarget: number;
  readonly stretchTarget: number | null;
  readonly atGoal: AtGoal;
  readonly currency: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Empty: every page. Otherwise only articles whose section is listed. */
  readonly sectionSlugs: readonly string[];
  readonly askAudiences: readonly CampaignAudience[];
  readonly thanksHeadline: string;
  readonly thanksBody: string;
  readonly capViews: number;
  readonly capDays: number;
  readonly variants: readonly CampaignVariant[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

function parseList<T extends string>(json: string, allowed: readonly T[]): T[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v),
  );
}

function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function toCampaignVariant(row: CampaignVariantRow): CampaignVariant {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    placement: oneOf(row.placement, placements, 'appeal'),
    name: row.name,
    headline: row.headline,
    body: row.body,
    weight: row.weight,
    status: oneOf(row.status, variantStatuses, 'stopped'),
    position: row.position,
    impressions: row.impressions,
    clicks: row.clicks,
  };
}

export function toCampaign(row: CampaignRow, variants: readonly CampaignVariantRow[]): Campaign {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    goalKind: oneOf(row.goal_kind, goalKinds, 'members'),
    goalTarget: row.goal_target,
    stretchTarget: row.stretch_target === null ? null : row.stretch_target,
    atGoal: oneOf(row.at_goal, atGoalChoices, 'stretch'),
    currency: row.currency,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    sectionSlugs: parseStrings(row.section_slugs),
    askAudiences: parseList(row.ask_audiences, campaignAudiences),
    thanksHeadline: row.thanks_headline,
    thanksBody: row.thanks_body,
    capViews: row.cap_views,
    capDays: row.cap_days,
    variants: variants
      .map(toCampaignVariant)
      .sort((a, b) => (a.placement === b.placement ? a.position - b.position : 0)),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** The running variants of one placement, in the editor's order. */
export function runningVariants(campaign: Campaign, placement: Placement): CampaignVariant[] {
  return campaign.variants.filter((v) => v.placement === placement && v.status === 'running');
}
