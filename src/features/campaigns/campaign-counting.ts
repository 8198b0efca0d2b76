import type { Campaign, GoalKind } from './campaign.js';
import type { ContributionKind } from './campaign-contribution.js';

/** The contribution kinds a goal counts. */
export function countedKinds(goal: GoalKind): readonly ContributionKind[] {
  switch (goal) {
    case 'paying_members':
      return ['paying_member'];
    case 'members':
      return ['paying_member', 'member', 'gift'];
    case 'donations':
      return ['donation'];
    case 'money':
      return ['paying_member', 'gift', 'donation'];
  }
}

/** Supporters give money (glossary): paying members, gift recipients and donors, not free members. */
export const supporterKinds: readonly ContributionKind[] = ['paying_member', 'gift', 'donation'];

export function countWindowOf(campaign: Campaign) {
  return {
    from: campaign.startsAt.toISOString(),
    until: campaign.endsAt.toISOString(),
    kinds: countedKinds(campaign.goalKind),
    currency: campaign.goalKind === 'money' ? campaign.currency : null,
  };
}
