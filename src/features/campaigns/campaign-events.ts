/** A campaign or its variants changed: every page may show other placements now. */
export interface CampaignChanged {
  readonly campaignId: string;
}

/** A contribution was recorded: the live figures of every campaign may have moved. */
export interface CampaignContributionRecorded {
  readonly kind: string;
  readonly campaignId: string | null;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'campaign.changed': CampaignChanged;
    'campaign.contribution-recorded': CampaignContributionRecorded;
  }
}
