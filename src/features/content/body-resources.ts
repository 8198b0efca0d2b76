import type { Block } from './body/body.types.js';
import type { BodyRenderContext, RelatedCard } from './body/render-body.js';
import type { ImageLookup, PageImage } from './image-lookup.js';
import { sectionOf, type Post } from './post.js';

export interface BodyResourceDeps {
  readonly images: ImageLookup;
  /** Published posts by id; related cards point only at live posts. */
  readonly findLivePosts: (ids: readonly string[]) => Promise<readonly Post[]>;
  readonly articlePath: (slug: string) => string;
}

/** The images and related posts that a set of posts shows, loaded in two bulk lookups. */
export interface BodyResources {
  readonly images: ReadonlyMap<string, PageImage>;
  contextFor(paywall: BodyRenderContext['paywall']): BodyRenderContext;
}

function blocksOf<T extends Block['type']>(post: Post, type: T): Extract<Block, { type: T }>[] {
  return post.body.blocks.filter(
    (block): block is Extract<Block, { type: T }> => block.type === type,
  );
}

export async function loadBodyResources(
  posts: readonly Post[],
  deps: BodyResourceDeps,
): Promise<BodyResources> {
  const related = await deps.findLivePosts(
    posts.flatMap((p) => blocksOf(p, 'related').map((b) => b.postId)),
  );
  const images = await deps.images([
    ...posts.flatMap((p) => (p.featureImage === null ? [] : [p.featureImage.mediaId])),
    ...posts.flatMap((p) =>
      blocksOf(p, 'image').flatMap((b) => (b.mediaId === null ? [] : [b.mediaId])),
    ),
    ...related.flatMap((r) => (r.featureImage === null ? [] : [r.featureImage.mediaId])),
  ]);
  const cards = new Map<string, RelatedCard>(
    related.map((r) => [
      r.id,
      {
        url: deps.articlePath(r.slug),
        title: r.title,
        section: sectionOf(r)?.name ?? null,
        image:
          r.featureImage === null ? null : (images.get(r.featureImage.mediaId)?.rendition ?? null),
        imageAlt: r.featureImage?.alt ?? '',
      },
    ]),
  );
  return {
    images,
    contextFor: (paywall) => ({
      image: (mediaId) => images.get(mediaId)?.rendition,
      related: (postId) => cards.get(postId),
      paywall,
    }),
  };
}
