import type { VNode } from 'preact';
import { CampaignPlacement, type PlacementView } from './campaign-placements.js';

/** A placement as a node for the layout, or nothing. */
export function campaignPlacement(view: PlacementView | null): VNode | null {
  return view === null ? null : <CampaignPlacement view={view} />;
}
