import type {
  CampaignBody,
  CampaignResource,
} from '../../../src/features/campaigns/campaign.resources.js';

/** The editable fields of a campaign, as the API takes them. */
export function toCampaignBody(campaign: CampaignResource): CampaignBody {
  return {
    name: campaign.name,
    slug: campaign.slug,
    goal_kind: campaign.goal_kind,
    goal_target: campaign.goal_target,
    stretch_target: campaign.stretch_target,
    at_goal: campaign.at_goal,
    currency: campaign.currency,
    starts_at: campaign.starts_at,
    ends_at: campaign.ends_at,
    section_slugs: campaign.section_slugs,
    ask_audiences: campaign.ask_audiences,
    thanks_headline: campaign.thanks_headline,
    thanks_body: campaign.thanks_body,
    cap_views: campaign.cap_views,
    cap_days: campaign.cap_days,
  };
}

/** A new campaign starting now for thirty days, asking readers who are not yet paying. */
export function newCampaignBody(name: string, now = new Date()): CampaignBody {
  return {
    name,
    goal_kind: 'members',
    goal_target: 1000,
    stretch_target: null,
    at_goal: 'thank',
    currency: 'EUR',
    starts_at: now.toISOString(),
    ends_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    section_slugs: [],
    ask_audiences: ['anonymous', 'member'],
    thanks_headline: 'Thank you',
    thanks_body: 'You are one of {supporters} supporters.',
    cap_views: 4,
    cap_days: 30,
  };
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
