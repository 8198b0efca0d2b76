import type { Campaign } from '../../features/campaigns/campaign.js';
import type { CampaignProgress } from '../../features/campaigns/campaign-progress.js';

/** The live figures as readers see them, formatted in the site's locale. */
export interface CampaignFigures {
  readonly count: string;
  readonly goal: string;
  readonly supporters: string;
  readonly remaining: string;
  /** The progress bar's numbers (minor units for money), unformatted. */
  readonly value: number;
  readonly max: number;
  /** What the goal counts, after the figure: "new members". */
  readonly unit: string;
  readonly phase: CampaignProgress['phase'];
}

export const figureNames = ['goal', 'count', 'supporters', 'remaining'] as const;
export type FigureName = (typeof figureNames)[number];

function unitOf(campaign: Pick<Campaign, 'goalKind'>): string {
  switch (campaign.goalKind) {
    case 'paying_members':
      return 'new paying members';
    case 'members':
      return 'new members';
    case 'donations':
      return 'donations';
    case 'money':
      return 'raised';
  }
}

/** Number formats cost more to build than to use: one per locale and currency. */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency: string | null): Intl.NumberFormat {
  const key = `${locale}\0${currency ?? ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    format =
      currency === null
        ? new Intl.NumberFormat(locale)
        : new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    if (formats.size > 50) formats.clear();
    formats.set(key, format);
  }
  return format;
}

export function toCampaignFigures(
  campaign: Pick<Campaign, 'goalKind' | 'currency'>,
  progress: CampaignProgress,
  locale: string,
): CampaignFigures {
  const plain = numberFormat(locale, null);
  const amount = (n: number): string =>
    campaign.goalKind === 'money'
      ? numberFormat(locale, campaign.currency).format(n / 100)
      : plain.format(n);
  return {
    count: amount(progress.count),
    goal: amount(progress.target),
    supporters: plain.format(progress.supporters),
    remaining: amount(progress.remaining),
    value: Math.min(progress.count, progress.target),
    max: Math.max(1, progress.target),
    unit: unitOf(campaign),
    phase: progress.phase,
  };
}
