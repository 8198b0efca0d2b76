import type { Generated, Selectable } from 'kysely';

export interface CampaignTable {
  id: string;
  slug: string;
  name: string;
  /** `GoalKind`: what counts toward the goal. */
  goal_kind: string;
  goal_target: number;
  stretch_target: number | null;
  /** `AtGoal`: stretch, thank or end. */
  at_goal: string;
  /** ISO 4217 code; a money goal sums contributions in this currency. */
  currency: string;
  starts_at: string;
  ends_at: string;
  /** JSON array of section (primary tag) slugs; empty means every page. */
  section_slugs: string;
  /** JSON array of the audiences asked; a paying member not asked is thanked instead. */
  ask_audiences: string;
  thanks_headline: string;
  thanks_body: string;
  /** The appeal is shown at most `cap_views` times in `cap_days` days; 0 means no cap. */
  cap_views: number;
  cap_days: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignVariantTable {
  id: string;
  campaign_id: string;
  /** `Placement`: banner, appeal or newsletter. */
  placement: string;
  name: string;
  headline: string;
  /** Markdown with `{goal}`, `{count}`, `{supporters}`, `{remaining}`. */
  body: string;
  weight: number;
  /** `VariantStatus`: running or stopped. */
  status: string;
  position: number;
  impressions: Generated<number>;
  clicks: Generated<number>;
  created_at: string;
}

export interface CampaignContributionTable {
  id: string;
  /** `ContributionKind`. */
  kind: string;
  amount_minor: number;
  currency: string;
  occurred_at: string;
  member_id: string | null;
  campaign_id: string | null;
  variant_id: string | null;
  /** 1 when the supporter agreed to be thanked on the campaign's wall. */
  on_wall: number;
  wall_first_name: string | null;
  wall_city: string | null;
  recorded_at: string;
}

export type CampaignRow = Selectable<CampaignTable>;
export type CampaignVariantRow = Selectable<CampaignVariantTable>;
export type CampaignContributionRow = Selectable<CampaignContributionTable>;
