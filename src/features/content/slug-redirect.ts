import type { Post, PostStatus } from './post.js';

/**
 * Which slugs of a post readers have seen, and so which may redirect. Only a slug that was
 * once public leads on to the post's new slug: renaming a draft never published, or
 * renamed since it was withdrawn, must not reveal its new (perhaps embargoed) headline.
 */

/** The slug readers last reached the post at, after a save. */
export function decidePublicSlug(
  before: Pick<Post, 'publicSlug'> | null,
  after: { readonly slug: string; readonly status: PostStatus },
): string | null {
  return after.status === 'published' ? after.slug : (before?.publicSlug ?? null);
}

/** The old slug that should redirect after a save, or null. */
export function decideSlugRedirect(
  before: Pick<Post, 'slug' | 'status' | 'publicSlug'> | null,
  newSlug: string,
): string | null {
  if (before === null || before.slug === newSlug) return null;
  const wasPublic = before.status === 'published' || before.publicSlug === before.slug;
  return wasPublic ? before.slug : null;
}
