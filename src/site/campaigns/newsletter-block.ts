import { runningVariants } from '../../features/campaigns/campaign.js';
import type { CampaignService, LiveCampaign } from '../../features/campaigns/campaign.service.js';
import { fillPlainText, renderCampaignCopy } from './campaign-copy.js';
import { toCampaignFigures } from './campaign-figures.js';
import { campaignPaths } from './campaign-paths.js';
import { clickUrl } from './campaign-placements.js';
import { absoluteUrl } from '../site-urls.js';

/** A campaign block for the foot of a newsletter issue, in both parts of the e-mail. */
export interface NewsletterCampaignBlock {
  readonly html: string;
  readonly text: string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}

function stripTags(html: string): string {
  return html
    .replace(/<\/p>/gu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .trim();
}

/**
 * The newsletter placement of a running campaign: its first running newsletter variant (or
 * appeal variant), the figures as of sending, and buttons whose clicks are attributed to
 * the variant. E-mail has no island, so the first variant is the one sent. Null when no
 * campaign runs or it has ended.
 */
export function toNewsletterBlock(
  live: LiveCampaign,
  options: { siteUrl: string; locale: string },
): NewsletterCampaignBlock | null {
  const { campaign, progress } = live;
  if (progress.phase === 'ended') return null;
  const variant =
    runningVariants(campaign, 'newsletter')[0] ?? runningVariants(campaign, 'appeal')[0];
  if (variant === undefined) return null;
  const figures = toCampaignFigures(campaign, progress, options.locale);
  const thanking = progress.phase === 'thanking';
  const headline = fillPlainText(thanking ? campaign.thanksHeadline : variant.headline, figures);
  const copy = renderCampaignCopy(thanking ? campaign.thanksBody : variant.body, figures);
  const progressLine = `${figures.count} of ${figures.goal} ${figures.unit}`;
  const member = absoluteUrl(options.siteUrl, clickUrl(campaign.id, variant.id, 'membership'));
  const gift = absoluteUrl(options.siteUrl, clickUrl(campaign.id, variant.id, 'gift'));
  const wall = absoluteUrl(options.siteUrl, campaignPaths.thanks(campaign.slug));
  const links = thanking
    ? `<p><a href="${escapeHtml(wall)}">See who made it possible</a></p>`
    : `<p><a href="${escapeHtml(member)}">Become a member</a> · <a href="${escapeHtml(gift)}">Gift membership</a></p>`;
  const html = `<div class="campaign-newsletter"><h2>${escapeHtml(headline)}</h2>${copy}<p><strong>${escapeHtml(progressLine)}</strong></p>${links}</div>`;
  const text = [
    headline,
    '',
    stripTags(copy),
    '',
    progressLine,
    '',
    thanking
      ? `See who made it possible: ${wall}`
      : `Become a member: ${member}\nGift membership: ${gift}`,
  ].join('\n');
  return { html, text };
}

/** For the newsletter module: the block of whatever campaign runs now, or null. */
export async function loadNewsletterBlock(
  campaigns: Pick<CampaignService, 'findLiveCampaign'>,
  options: { siteUrl: string; locale: string },
): Promise<NewsletterCampaignBlock | null> {
  const live = await campaigns.findLiveCampaign();
  return live === null ? null : toNewsletterBlock(live, options);
}
