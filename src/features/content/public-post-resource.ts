import { Type, type Static, type TSchema } from 'typebox';
import { decideReaderAccess } from '../members/reader-access.js';
import { loadBodyResources, type BodyResourceDeps } from './body-resources.js';
import { bodyToPlainText, excerpt } from './body/body-to-text.js';
import { renderBodyToHtml } from './body/render-body.js';
import { sectionOf, type Post } from './post.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const TagRef = Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() });

/**
 * A published post as the public Content API shows it: only what an anonymous reader may
 * read of it (the reader-access rule), and nothing of the newsroom's workflow (no status,
 * review or revision).
 */
export const PublicPostResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  url: Type.String(),
  title: Type.String(),
  standfirst: Type.String(),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('paid')]),
  access: Type.Union([Type.Literal('whole'), Type.Literal('preview'), Type.Literal('nothing')], {
    description:
      'What `body` and `html` hold: the whole post, the preview before the paywall, or no body',
  }),
  body: Type.Object({}, { additionalProperties: true }),
  html: Type.String(),
  excerpt: Type.String(),
  reading_minutes: Type.Integer(),
  feature_image: Nullable(
    Type.Object({
      url: Nullable(Type.String()),
      alt: Type.String(),
      caption: Type.String(),
      credit: Type.String(),
    }),
  ),
  tags: Type.Array(TagRef),
  primary_tag: Nullable(TagRef),
  authors: Type.Array(
    Type.Object({
      id: Type.String(),
      slug: Type.String(),
      name: Type.String(),
      job_title: Type.String(),
      url: Type.String(),
    }),
  ),
  seo_title: Type.String(),
  seo_description: Type.String(),
  published_at: Nullable(Type.String()),
  updated_at: Type.String(),
});
export type PublicPostResource = Static<typeof PublicPostResource>;

export interface PublicPostResourcesDeps extends BodyResourceDeps {
  readonly siteUrl: string;
}

/** Turns published posts into public resources, loading images and related cards in bulk. */
export function createPublicPostResources(deps: PublicPostResourcesDeps) {
  return async (posts: readonly Post[]): Promise<PublicPostResource[]> => {
    const open = posts.map((post) => ({ post, access: decideReaderAccess(post, 'anonymous') }));
    const resources = await loadBodyResources(
      open.map(({ post, access }) => ({ ...post, body: access.body })),
      deps,
    );
    const bodyContext = resources.contextFor('hide');
    const imageUrl = (mediaId: string): string | null => {
      const found = resources.images.get(mediaId);
      return found === undefined ? null : new URL(found.largest.url, `${deps.siteUrl}/`).toString();
    };
    const tag = (t: Post['tags'][number]) => ({ id: t.id, slug: t.slug, name: t.name });
    return open.map(({ post, access }) => {
      const section = sectionOf(post);
      return {
        id: post.id,
        slug: post.slug,
        url: `${deps.siteUrl}/${encodeURIComponent(post.slug)}`,
        title: post.title,
        standfirst: post.standfirst,
        visibility: post.visibility,
        access: access.level,
        body: access.body,
        html: renderBodyToHtml(access.body, bodyContext),
        excerpt: post.standfirst || excerpt(bodyToPlainText(access.body)),
        reading_minutes: post.readingMinutes,
        feature_image:
          post.featureImage === null
            ? null
            : {
                url: imageUrl(post.featureImage.mediaId),
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
          url: `${deps.siteUrl}/author/${encodeURIComponent(a.slug)}`,
        })),
        seo_title: post.seoTitle,
        seo_description: post.seoDescription,
        published_at: post.publishedAt?.toISOString() ?? null,
        updated_at: post.updatedAt.toISOString(),
      };
    });
  };
}

export type PublicPostResources = ReturnType<typeof createPublicPostResources>;
