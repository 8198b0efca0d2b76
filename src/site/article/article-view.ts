import { loadBodyResources } from '../../features/content/body-resources.js';
import { bodyToPlainText, countWords } from '../../features/content/body/body-to-text.js';
import type { Entitlement } from '../../features/members/entitlement.js';
import { decideReaderAccess } from '../../features/members/reader-access.js';
import { sectionOf, type Post } from '../../features/content/post.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { toDisplayTime } from '../format-date.js';
import type { ImageLookup } from '../../features/content/image-lookup.js';
import type { HeadTags } from '../layout/head-tags.js';
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { toBreadcrumbList, toNewsArticle, toPublisher } from '../structured-data.js';
import type { ArticleView } from './article-page.js';

export interface ArticleViewDeps {
  readonly siteUrl: string;
  readonly site: SiteSettings;
  readonly images: ImageLookup;
  /** Published posts by id, for related-article cards. */
  readonly findLivePosts: (ids: readonly string[]) => Promise<readonly Post[]>;
}

/** The class of the part of a gated article only some readers receive, for search engines. */
export const lockedPartClass = 'paywalled-content';

/** An edit within this long after publishing is part of the first version, not an update. */
const updateGraceMs = 10 * 60 * 1000;

/** Builds everything the article page shows, loading images and related posts in bulk. */
export async function toArticleView(
  post: Post,
  deps: ArticleViewDeps,
  entitlement: Entitlement,
): Promise<{ article: ArticleView; head: HeadTags }> {
  const { site, siteUrl } = deps;
  // What this reader receives, and what anyone receives: the page never holds more.
  const access = decideReaderAccess(post, entitlement);
  const preview = decideReaderAccess(post, 'anonymous');
  const isGated = post.visibility !== 'public';
  const shown = { ...post, body: access.body };
  const resources = await loadBodyResources([shown], { ...deps, articlePath: sitePaths.article });
  const images = resources.images;
  const bodyContext = resources.contextFor('hide');

  const publishedAt = post.publishedAt ?? post.updatedAt;
  const edited = post.updatedAt.getTime() - publishedAt.getTime() > updateGraceMs;
  const section = sectionOf(post);
  const feature = post.featureImage === null ? undefined : images.get(post.featureImage.mediaId);
  const authors = post.authors.map((a) => ({
    name: a.name,
    url: sitePaths.author(a.slug),
    jobTitle: a.jobTitle,
  }));
  const canonical = absoluteUrl(siteUrl, sitePaths.article(post.slug));
  const description =
    post.seoDescription || post.standfirst || bodyToPlainText(preview.body).slice(0, 200);
  const openCount = isGated && access.level === 'whole' ? preview.body.blocks.length : undefined;

  const article: ArticleView = {
    title: post.title,
    standfirst: post.standfirst,
    section: section === null ? null : { name: section.name, url: sitePaths.tag(section.slug) },
    authors,
    published: toDisplayTime(publishedAt, site.locale, site.timezone),
    updated: edited ? toDisplayTime(post.updatedAt, site.locale, site.timezone) : null,
    readingMinutes: post.readingMinutes,
    featureImage:
      feature === undefined || post.featureImage === null
        ? null
        : {
            rendition: feature.rendition,
            alt: post.featureImage.alt,
            caption: post.featureImage.caption,
            credit: post.featureImage.credit,
          },
    body: { version: 1, blocks: access.body.blocks.slice(0, openCount) },
    lockedBody:
      openCount === undefined ? null : { version: 1, blocks: access.body.blocks.slice(openCount) },
    gate:
      access.level === 'whole'
        ? null
        : {
            visibility: post.visibility === 'paid' ? 'paid' : 'members',
            signInUrl: `/signin?next=${encodeURIComponent(sitePaths.article(post.slug))}`,
            signedIn: entitlement !== 'anonymous',
          },
    bodyContext,
    relatedPostIds: access.body.blocks.flatMap((block) =>
      block.type === 'related' ? [block.postId] : [],
    ),
  };

  const ogImage =
    feature === undefined
      ? null
      : {
          url: absoluteUrl(siteUrl, feature.largest.url),
          width: feature.largest.width,
          height: feature.largest.height,
          alt: post.featureImage?.alt ?? '',
        };
  const head: HeadTags = {
    title: post.seoTitle || post.title,
    description,
    canonical,
    ogType: 'article',
    image: ogImage,
    publishedTime: publishedAt.toISOString(),
    modifiedTime: post.updatedAt.toISOString(),
    section: section?.name,
    jsonLd: [
      toNewsArticle(
        {
          url: canonical,
          headline: post.title,
          description,
          imageUrls: ogImage === null ? [] : [ogImage.url],
          publishedAt,
          modifiedAt: post.updatedAt,
          section: section?.name ?? null,
          authors: authors.map((a) => ({ ...a, url: absoluteUrl(siteUrl, a.url) })),
          wordCount: countWords(post.plainText),
          isFree: !isGated,
          lockedPartSelector: isGated ? `.${lockedPartClass}` : null,
        },
        toPublisher(site, siteUrl, null),
      ),
      toBreadcrumbList([
        { name: site.title, url: absoluteUrl(siteUrl, sitePaths.home()) },
        ...(section === null
          ? []
          : [{ name: section.name, url: absoluteUrl(siteUrl, sitePaths.tag(section.slug)) }]),
        { name: post.title, url: canonical },
      ]),
    ],
  };
  return { article, head };
}
