import type { ImageLookup } from '../content/image-lookup.js';
import type { Post } from '../content/post.js';
import type { Entitlement } from '../members/entitlement.js';
import { decideReaderAccess } from '../members/reader-access.js';
import type { Issue } from './issue.js';
import { renderIssue, type RenderedIssue } from './issue-email.js';
import { toAbsoluteUrl } from './issue-body-email.js';
import type { Newsletter } from './newsletter.js';

export interface IssueRenderDeps {
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
  readonly findPostsByIds: (ids: readonly string[]) => Promise<Post[]>;
  readonly images: ImageLookup;
}

/** The copies of one issue a send needs: one per level of access, made once and reused. */
export interface IssueRenderer {
  forEntitlement(entitlement: Entitlement): Promise<RenderedIssue>;
}

/**
 * Renders an issue at send time. For an article, what each recipient receives is decided
 * by `decideReaderAccess` with their entitlement: the locked part of a gated article only
 * goes to recipients who may read it; the others get the start and a link to the site.
 */
export function createIssueRenderer(
  deps: IssueRenderDeps,
  issue: Issue,
  newsletter: Newsletter,
): IssueRenderer {
  const made = new Map<string, Promise<RenderedIssue>>();

  async function render(entitlement: Entitlement): Promise<RenderedIssue> {
    const siteTitle = await deps.siteTitle();
    const [post] = issue.postId === null ? [] : await deps.findPostsByIds([issue.postId]);
    const body = post === undefined ? issue.body : decideReaderAccess(post, entitlement).body;
    const level = post === undefined ? 'whole' : decideReaderAccess(post, entitlement).level;
    const relatedIds = body.blocks.flatMap((b) => (b.type === 'related' ? [b.postId] : []));
    const mediaIds = [
      ...body.blocks.flatMap((b) => (b.type === 'image' && b.mediaId !== null ? [b.mediaId] : [])),
      ...(post?.featureImage === null || post === undefined ? [] : [post.featureImage.mediaId]),
    ];
    const [images, related] = await Promise.all([
      deps.images(mediaIds),
      relatedIds.length === 0 ? Promise.resolve([]) : deps.findPostsByIds(relatedIds),
    ]);
    const articleUrl = (slug: string) => toAbsoluteUrl(`/${slug}`, deps.siteUrl);
    const imageOf = (id: string) => {
      const found = images.get(id);
      return found === undefined
        ? undefined
        : {
            src: toAbsoluteUrl(found.largest.url, deps.siteUrl),
            width: found.largest.width,
            height: found.largest.height,
          };
    };
    const feature = post?.featureImage ?? null;
    const featureImage = feature === null ? undefined : imageOf(feature.mediaId);
    return renderIssue({
      siteTitle,
      newsletterName: newsletter.name,
      subject: issue.subject,
      preheader: issue.preheader === '' ? (post?.standfirst ?? '') : issue.preheader,
      article:
        post === undefined
          ? null
          : {
              title: post.title,
              standfirst: post.standfirst,
              url: articleUrl(post.slug),
              image:
                featureImage === undefined || feature === null
                  ? null
                  : { ...featureImage, alt: feature.alt },
            },
      body,
      gate:
        post === undefined || level === 'whole'
          ? null
          : {
              text:
                post.visibility === 'paid'
                  ? 'The rest of this article is for paying members.'
                  : 'The rest of this article is for members. Signing up is free.',
              url: articleUrl(post.slug),
              label: 'Read it on the site',
            },
      context: {
        siteUrl: deps.siteUrl,
        image: imageOf,
        related: (id) => {
          const found = related.find((p) => p.id === id && p.status === 'published');
          return found === undefined
            ? undefined
            : { title: found.title, url: articleUrl(found.slug) };
        },
      },
    });
  }

  return {
    forEntitlement(entitlement) {
      const existing = made.get(entitlement);
      if (existing !== undefined) return existing;
      const rendering = render(entitlement);
      made.set(entitlement, rendering);
      return rendering;
    },
  };
}
