import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/project-root.js';
import { toSiteAsset, type SiteAsset } from '../site-assets.js';

/** The payment marks an appeal shows, with their text alternatives. */
export const cardMarks = [
  { name: 'visa', alt: 'Visa' },
  { name: 'mastercard', alt: 'Mastercard' },
  { name: 'amex', alt: 'American Express' },
] as const;

export interface CardMark {
  readonly url: string;
  readonly alt: string;
}

export interface CampaignAssets {
  readonly cards: readonly CardMark[];
  byUrl(url: string): SiteAsset | undefined;
}

/** The card marks from assets/campaign, fingerprinted and compressed once at start. */
export function loadCampaignAssets(): CampaignAssets {
  const loaded = cardMarks.map((mark) => ({
    mark,
    asset: toSiteAsset(
      `campaign/${mark.name}`,
      '.svg',
      readFileSync(path.join(projectRoot(), 'assets', 'campaign', `${mark.name}.svg`)),
      'image/svg+xml',
    ),
  }));
  const byUrl = new Map(loaded.map(({ asset }) => [asset.url, asset]));
  return {
    cards: loaded.map(({ mark, asset }) => ({ url: asset.url, alt: mark.alt })),
    byUrl: (url) => byUrl.get(url),
  };
}
