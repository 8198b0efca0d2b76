import { loadBodyResources, type BodyResourceDeps } from './body-resources.js';
import { withPendingChanges } from './pending-changes.js';
import type { Post } from './post.js';
import type { PostResource } from './post.schemas.js';
import { toPostResource } from './post-resource.js';

export interface PostResourcesDeps extends BodyResourceDeps {
  readonly siteUrl: string;
}

/** Turns posts into API resources, loading their images and related cards in bulk. */
export function createPostResources(deps: PostResourcesDeps) {
  return async (
    posts: readonly Post[],
    options: { readonly html?: boolean } = {},
  ): Promise<PostResource[]> => {
    // A pending version's images and related cards are shown too.
    const pendingVersions = posts.flatMap((post) =>
      post.pendingChanges === undefined || post.pendingChanges === null
        ? []
        : [withPendingChanges(post)],
    );
    const resources = await loadBodyResources([...posts, ...pendingVersions], deps);
    const bodyContext = resources.contextFor('show-marker');
    const imageUrl = (mediaId: string): string | null => {
      const found = resources.images.get(mediaId);
      return found === undefined ? null : new URL(found.largest.url, `${deps.siteUrl}/`).toString();
    };
    return posts.map((post) =>
      toPostResource(post, { siteUrl: deps.siteUrl, imageUrl, bodyContext, html: options.html }),
    );
  };
}

export type PostResources = ReturnType<typeof createPostResources>;
