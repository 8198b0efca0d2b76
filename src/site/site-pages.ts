import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImageLookup } from '../features/content/image-lookup.js';
import type { Post } from '../features/content/post.js';
import type { PostService } from '../features/content/post.service.js';
import type { TagService } from '../features/content/tag.service.js';
import type { SettingsService } from '../features/settings/settings.service.js';
import type { StaffService } from '../features/staff/staff.service.js';
import { setCacheTags } from './cache/cache-tags.js';
import { allowEmbedFrames, hasEmbedFrame } from './content-security-policy.js';
import type { HeadTags } from './layout/head-tags.js';
import type { SiteAssets } from './site-assets.js';
import { loadSiteFrame, type SiteFrame } from './site-frame.js';
import { absoluteUrl } from './site-urls.js';
import type { CampaignPagesDeps } from './campaigns/campaign-views.js';
import { withCampaignPlacements } from './campaigns/campaign-page-cache.js';

/** What every reader page of the site needs. */
export interface SitePagesDeps {
  readonly siteUrl: string;
  readonly assets: SiteAssets;
  readonly posts: PostService;
  readonly tags: TagService;
  readonly staff: Pick<StaffService, 'findStaffBySlug'>;
  readonly settings: Pick<SettingsService, 'getSiteSettings'>;
  readonly images: ImageLookup;
  /** Campaign placements on every page; none when left out. */
  readonly campaigns?: CampaignPagesDeps | undefined;
}

export const postsPerPage = 12;

export function loadFrame(deps: SitePagesDeps): Promise<SiteFrame> {
  return loadSiteFrame({
    assets: deps.assets,
    getSiteSettings: () => deps.settings.getSiteSettings(),
    listSections: () => deps.posts.listSections(),
    campaigns: deps.campaigns,
  });
}

export async function findLivePosts(
  deps: Pick<SitePagesDeps, 'posts'>,
  ids: readonly string[],
): Promise<Post[]> {
  return (await deps.posts.findPostsByIds(ids)).filter((p) => p.status === 'published');
}

export interface SendPageOptions {
  /** Entries may arrive while the page is open (the live news feed), embeds among them. */
  readonly liveEmbeds?: boolean;
  /** The page differs by audience (a gated article); a public page is the same for all. */
  readonly variesByAudience?: boolean;
}

/**
 * Sends a reader page. Pages are public and cacheable and name what they show in cache
 * tags; a staff member's page (it carries the staff bar) is never cached. A page that
 * differs by audience (a gated article) is private for members, and browsers revalidate
 * it on every visit, so signing in or out shows the other version at once; CDNs keep
 * the anonymous version (`s-maxage`) and pass member requests through by their cookie.
 */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  html: string,
  tags: readonly string[],
  options: SendPageOptions = {},
): FastifyReply {
  if (options.liveEmbeds === true || hasEmbedFrame(html)) allowEmbedFrames(reply);
  // A page with campaign placements differs by audience and shows live figures.
  ({ tags, options } = withCampaignPlacements(html, tags, options));
  const varies = options.variesByAudience === true;
  if (request.actor !== null) {
    reply.header('cache-control', 'private, no-store');
  } else if (varies && request.memberSession !== null) {
    reply.header('cache-control', 'private, no-cache');
    setCacheTags(reply, tags);
  } else {
    reply.header(
      'cache-control',
      varies
        ? 'public, max-age=0, must-revalidate, s-maxage=60'
        : 'public, max-age=60, stale-while-revalidate=30',
    );
    setCacheTags(reply, tags);
  }
  request.pageVariesByAudience = varies;
  return reply.type('text/html; charset=utf-8').send(html);
}

export function listingHead(
  frame: SiteFrame,
  siteUrl: string,
  title: string,
  description: string,
  path: string,
): HeadTags {
  return {
    title,
    description: description || frame.site.description,
    canonical: absoluteUrl(siteUrl, path),
    ogType: 'website',
    image: null,
    jsonLd: [],
  };
}
