import type { BodyRenderContext } from './body/render-body.js';
import { renderBodyToHtml } from './body/render-body.js';
import { excerpt } from './body/body-to-text.js';
import { sectionOf, type Post } from './post.js';
import type { PendingChangesResource, PostResource } from './post.schemas.js';

export interface PostResourceContext {
  readonly siteUrl: string;
  /** The URL of a media item's largest JPEG, or null when it is gone. */
  readonly imageUrl: (mediaId: string) => string | null;
  readonly bodyContext: BodyRenderContext;
  /** False leaves `html` empty: a list that did not ask for it renders no bodies. */
  readonly html?: boolean;
}

/** A post as the Admin and Content APIs show it: snake_case, absolute URLs, rendered HTML. */
export function toPostResource(post: Post, ctx: PostResourceContext): PostResource {
  const tag = (t: Post['tags'][number]) => ({ id: t.id, slug: t.slug, name: t.name });
  const section = sectionOf(post);
  return {
    id: post.id,
    slug: post.slug,
    url: `${ctx.siteUrl}/${encodeURIComponent(post.slug)}`,
    title: post.title,
    standfirst: post.standfirst,
    status: post.status,
    visibility: post.visibility,
    body: post.body,
    html: ctx.html === false ? '' : renderBodyToHtml(post.body, ctx.bodyContext),
    excerpt: post.standfirst || excerpt(post.plainText),
    reading_minutes: post.readingMinutes,
    feature_image:
      post.featureImage === null
        ? null
        : {
            media_id: post.featureImage.mediaId,
            url: ctx.imageUrl(post.featureImage.mediaId),
            alt: post.featureImage.alt,
            caption: post.featureImage.caption,
            credit: post.featureImage.credit,
          },
    tags: post.tags.map(tag),
    primary_tag: section === null ? null : tag(section),
    authors: post.authors.map((a) => ({
      id: a.id,
      slug: a.slug,
      name: a.name,
      job_title: a.jobTitle,
      url: `${ctx.siteUrl}/author/${encodeURIComponent(a.slug)}`,
    })),
    seo_title: post.seoTitle,
    seo_description: post.seoDescription,
    published_at: post.publishedAt?.toISOString() ?? null,
    created_at: post.createdAt.toISOString(),
    updated_at: post.updatedAt.toISOString(),
    revision: post.revision,
    review: {
      state: post.review.state,
      note: post.review.note,
      by: post.review.by,
      at: post.review.at?.toISOString() ?? null,
    },
    pending_changes: toPendingChangesResource(post, ctx),
  };
}

/** A post's pending version in the same words as the post; null when nothing is pending. */
function toPendingChangesResource(
  post: Post,
  ctx: PostResourceContext,
): PendingChangesResource | null {
  const pending = post.pendingChanges;
  if (pending === undefined || pending === null) return null;
  // The pending version's HTML is not shown: only its fields.
  const version = toPostResource(
    { ...post, ...pending.version, pendingChanges: null },
    { ...ctx, html: false },
  );
  return {
    title: version.title,
    standfirst: version.standfirst,
    slug: version.slug,
    url: version.url,
    visibility: version.visibility,
    body: version.body,
    feature_image: version.feature_image,
    tags: version.tags,
    authors: version.authors,
    seo_title: version.seo_title,
    seo_description: version.seo_description,
    saved_by: pending.savedBy,
    saved_by_name: pending.savedByName,
    saved_at: pending.savedAt.toISOString(),
  };
}
