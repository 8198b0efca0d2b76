import { placementMarker } from './campaign-placements.js';

/** The tag of every cached page that shows campaign figures: purged on each contribution. */
export const campaignFiguresTag = 'campaigns';

/**
 * A page carrying a campaign placement is made per audience (paying members are thanked,
 * not asked) and is purged when a contribution moves the figures, so its no-JavaScript
 * figure is never older than the event delivery. Pages without one are untouched.
 */
export function withCampaignPlacements<O extends { variesByAudience?: boolean }>(
  html: string,
  tags: readonly string[],
  options: O,
): { tags: readonly string[]; options: O } {
  if (!html.includes(placementMarker)) return { tags, options };
  return {
    tags: [...tags, campaignFiguresTag],
    options: { ...options, variesByAudience: true },
  };
}
