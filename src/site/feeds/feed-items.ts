import { loadBodyResources, type BodyResourceDeps } from '../../features/content/body-resources.js';
import { bodyToPlainText, excerpt } from '../../features/content/body/body-to-text.js';
import { decideReaderAccess } from '../../features/members/reader-access.js';
import { renderBodyToHtml } from '../../features/content/body/render-body.js';
import type { Post } from '../../features/content/post.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { toAbsoluteHtml } from './absolute-html.js';
import type { FeedImage, FeedImageLookup } from './feed-image.js';

/** What a feed says about itself, whatever its format. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  /** The page the feed follows: the front page, a section or an author page. */
  readonly homeUrl: string;
  /** BCP 47, e.g. `en-GB`. */
  readonly language: string;
  /** The latest change to any post in the feed; null for an empty feed. */
  readonly updatedAt: Date | null;
}

export interface FeedLink {
  readonly name: string;
  readonly url: string;
}

/** One post in a feed, with absolute URLs only. */
export interface FeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  /** The standfirst, or an excerpt of what anyone may read. Plain text. */
  readonly summary: string;
  /**
   * The body as HTML when the site's feeds carry it: what an anonymous reader may read
   * (the reader-access rule), so a gated post carries its preview and a link.
   */
  readonly contentHtml: string | null;
  readonly publishedAt: Date;
  readonly updatedAt: Date;
  readonly authors: readonly FeedLink[];
  /** In order; the first is the section. */
  readonly tags: readonly FeedLink[];
  readonly image: (FeedImage & { readonly alt: string }) | null;
}

export interface FeedItemDeps extends Omit<BodyResourceDeps, 'articlePath'> {
  readonly siteUrl: string;
  readonly feedImages: FeedImageLookup;
}

/** What a feed says after the preview of a gated post. */
function lockedNote(url: string, visibility: Post['visibility']): string {
  const who = visibility === 'paid' ? 'paying members' : 'members';
  return `<p><a href="${url}">This article is for ${who}: read it on the site.</a></p>`;
}

export function toFeedChannel(
  site: SiteSettings,
  scope: { title: string | null; description: string; path: string },
  items: readonly FeedItem[],
  siteUrl: string,
): FeedChannel {
  const newest = Math.max(...items.map((item) => item.updatedAt.getTime()));
  return {
    title: scope.title === null ? site.title : `${scope.title} | ${site.title}`,
    description: scope.description || site.description,
    homeUrl: absoluteUrl(siteUrl, scope.path),
    language: site.locale,
    updatedAt: items.length === 0 ? null : new Date(newest),
  };
}

/**
 * Feed items for posts, newest first as given. Feeds are public: each post carries what an
 * anonymous reader may read of it, so feeds never hand out what readers pay for.
 */
export async function toFeedItems(
  posts: readonly Post[],
  content: SiteSettings['feedContent'],
  deps: FeedItemDeps,
): Promise<FeedItem[]> {
  const { siteUrl } = deps;
  const link = (path: string): string => absoluteUrl(siteUrl, path);
  const open = posts.map((post) => decideReaderAccess(post, 'anonymous'));
  const [resources, images] = await Promise.all([
    loadBodyResources(
      posts.map((post, index) => ({ ...post, body: open[index]?.body ?? post.body })),
      { ...deps, articlePath: sitePaths.article },
    ),
    deps.feedImages(
      posts.flatMap((p) => (p.featureImage === null ? [] : [p.featureImage.mediaId])),
    ),
  ]);
  const bodyContext = resources.contextFor('hide');
  return posts.map((post, index) => {
    const access = open[index] ?? decideReaderAccess(post, 'anonymous');
    const url = link(sitePaths.article(post.slug));
    const image = post.featureImage === null ? undefined : images.get(post.featureImage.mediaId);
    return {
      id: post.id,
      url,
      title: post.title,
      summary: post.standfirst || post.seoDescription || excerpt(bodyToPlainText(access.body)),
      contentHtml:
        content === 'full'
          ? toAbsoluteHtml(renderBodyToHtml(access.body, bodyContext), siteUrl) +
            (access.level === 'whole' ? '' : lockedNote(url, post.visibility))
          : null,
      publishedAt: post.publishedAt ?? post.updatedAt,
      updatedAt: post.updatedAt,
      authors: post.authors.map((a) => ({ name: a.name, url: link(sitePaths.author(a.slug)) })),
      tags: post.tags.map((t) => ({ name: t.name, url: link(sitePaths.tag(t.slug)) })),
      image:
        image === undefined || post.featureImage === null
          ? null
          : { ...image, alt: post.featureImage.alt },
    };
  });
}
