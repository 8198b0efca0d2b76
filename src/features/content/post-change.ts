import { AppError } from '../../platform/errors.js';
import type { PostChanged } from './content-events.js';
import type { Post } from './post.js';

/** What a save did to a post, in the words of the `post.changed` event and the audit log. */
export function changeOf(before: Post | null, after: Post): PostChanged['change'] {
  if (before === null)
    return after.status === 'published'
      ? 'published'
      : after.status === 'scheduled'
        ? 'scheduled'
        : 'created';
  if (before.status !== 'published' && after.status === 'published') return 'published';
  if (before.status === 'published' && after.status !== 'published') return 'unpublished';
  if (before.status !== 'scheduled' && after.status === 'scheduled') return 'scheduled';
  return 'updated';
}

/** The `post.changed` event of a save: what caches and feeds need to know of it. */
export function toPostChanged(
  before: Post | null,
  after: Post,
  change: PostChanged['change'],
): PostChanged {
  const tagSlugs = new Set([...(before?.tags ?? []), ...after.tags].map((t) => t.slug));
  const authorSlugs = new Set([...(before?.authors ?? []), ...after.authors].map((a) => a.slug));
  return {
    postId: after.id,
    slug: after.slug,
    previousSlug: before !== null && before.slug !== after.slug ? before.slug : null,
    change,
    status: after.status,
    wasLive: before?.status === 'published',
    isLive: after.status === 'published',
    tagSlugs: [...tagSlugs],
    authorSlugs: [...authorSlugs],
  };
}

/** A save based on an older revision than the stored one: refused, the text kept. */
export function editConflict(current: number, expected: number): AppError {
  return new AppError(
    'edit_conflict',
    `Someone else saved this post (now revision ${current}) after you opened revision ${expected}. ` +
      'Your text is not lost: copy it, reload the post, and merge your changes.',
  );
}
