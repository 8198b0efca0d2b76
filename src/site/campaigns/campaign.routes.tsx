import { Type } from 'typebox';
import type { CampaignService } from '../../features/campaigns/campaign.service.js';
import { maxImpressionBatch } from '../../features/campaigns/campaign.service.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { sendAsset } from '../assets.routes.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';
import { toDisplayTime } from '../format-date.js';
import type { HeadTags } from '../layout/head-tags.js';
import { renderPage } from '../render-page.js';
import { loadFrame, sendPage, type SitePagesDeps } from '../site-pages.js';
import { absoluteUrl } from '../site-urls.js';
import type { CampaignAssets } from './campaign-assets.js';
import { toCampaignFigures } from './campaign-figures.js';
import { campaignFiguresTag } from './campaign-page-cache.js';
import { campaignPaths } from './campaign-paths.js';
import { ThanksWallPage } from './thanks-wall-page.js';

export interface CampaignRoutesDeps extends SitePagesDeps {
  readonly campaignService: Pick<
    CampaignService,
    'findProgress' | 'findCampaignBySlug' | 'recordClick' | 'recordImpressions' | 'listWall'
  >;
  readonly campaignAssets: CampaignAssets;
}

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const IdParams = Type.Object({ id: Id });
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 120 }) });
const ClickQuery = Type.Object({
  variant: Id,
  // Only the site's own checkout pages: the click endpoint is no open redirect.
  to: Type.Union([Type.Literal('membership'), Type.Literal('gift')]),
});
const Impressions = Type.Object(
  { variants: Type.Array(Id, { minItems: 1, maxItems: maxImpressionBatch }) },
  { additionalProperties: false },
);
const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });

/**
 * The public side of campaigns: live figures for the island (short-lived, the same for
 * everyone), clicks on the buttons on their way to checkout, batches of impressions, the
 * thank-you wall, and the card marks.
 */
export function campaignRoutes(deps: CampaignRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get('/assets/campaign/:file', { schema: { hide: true } }, async (request, reply) => {
      const asset = deps.campaignAssets.byUrl(request.url.split('?')[0] ?? '');
      if (asset === undefined) throw new AppError('not_found', 'This file was not found.');
      return sendAsset(request, reply, asset);
    });

    app.get(
      '/campaigns/:id/live.json',
      {
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { hide: true, params: IdParams },
      },
      async (request, reply) => {
        const { id } = request.params;
        const [live, settings] = await Promise.all([
          deps.campaignService.findProgress(id),
          deps.settings.getSiteSettings(),
        ]);
        if (live === null) throw new AppError('not_found', 'There is no such campaign.');
        const figures = toCampaignFigures(live.campaign, live.progress, settings.locale);
        // Short-lived and the same for every reader: browsers and CDNs may keep it briefly.
        reply.header('cache-control', 'public, max-age=5');
        return {
          campaign_id: id,
          phase: figures.phase,
          figures: {
            count: figures.count,
            goal: figures.goal,
            supporters: figures.supporters,
            remaining: figures.remaining,
          },
          value: figures.value,
          max: figures.max,
        };
      },
    );

    app.get(
      '/campaigns/:id/click',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { hide: true, params: IdParams, querystring: ClickQuery },
      },
      async (request, reply) => {
        const { id } = request.params;
        const { variant, to } = request.query;
        const counted = await deps.campaignService.recordClick(id, variant);
        reply.header('cache-control', 'no-store');
        // An unknown variant still reaches checkout, without an attribution to count.
        return reply.redirect(counted ? campaignPaths.checkout(to, id, variant) : `/${to}`, 303);
      },
    );

    app.post(
      '/campaigns/:id/impressions',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { hide: true, params: IdParams, body: Impressions },
      },
      async (request, reply) => {
        await deps.campaignService.recordImpressions(request.params.id, request.body.variants);
        return reply.header('cache-control', 'no-store').code(204).send();
      },
    );

    app.get(
      '/campaigns/:slug/thanks',
      {
        config: cacheablePage(['page']),
        schema: { hide: true, params: SlugParams, querystring: PageQuery },
      },
      async (request, reply) => {
        const found = await deps.campaignService.findCampaignBySlug(request.params.slug);
        if (found === null) throw new AppError('not_found', 'There is no such campaign.');
        const { campaign } = found;
        const page = request.query.page ?? 1;
        const [frame, wall] = await Promise.all([
          loadFrame(deps),
          deps.campaignService.listWall(campaign, page),
        ]);
        const path = campaignPaths.thanks(campaign.slug);
        const head: HeadTags = {
          title: `Thank you — ${campaign.name}`,
          description: `The readers who made ${campaign.name} possible.`,
          canonical: absoluteUrl(deps.siteUrl, page === 1 ? path : `${path}?page=${page}`),
          ogType: 'website',
          image: null,
          jsonLd: [],
        };
        const html = renderPage({
          ...frame.layout(request, head),
          children: (
            <ThanksWallPage
              view={{
                campaignName: campaign.name,
                entries: wall.entries.map((e) => ({
                  name: e.name,
                  city: e.city,
                  at: toDisplayTime(e.at, frame.site.locale, frame.site.timezone),
                })),
                newerUrl: page > 1 ? (page === 2 ? path : `${path}?page=${page - 1}`) : null,
                olderUrl: wall.more ? `${path}?page=${page + 1}` : null,
              }}
            />
          ),
        });
        return sendPage(request, reply, html, [campaignFiguresTag]);
      },
    );
  };
}
