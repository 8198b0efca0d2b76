import type { Post } from './post.js';
import { slugify } from './slug.js';

/**
 * A draft that never went live keeps its address in step with its headline, as long as
 * nobody chose the slug: the address the publish summary shows is the headline's, not
 * the first few letters typed before the first autosave.
 */
export function doesSlugFollowTitle(
  before: Pick<Post, 'status' | 'publishedAt' | 'slug' | 'title'>,
  input: { readonly slug?: string | undefined; readonly title?: string | undefined },
): boolean {
  if (before.status !== 'draft' || before.publishedAt !== null) return false;
  if (input.slug !== undefined || input.title === undefined) return false;
  if (input.title.trim() === before.title.trim()) return false;
  const derived = slugify(before.title === '' ? 'untitled' : before.title);
  return before.slug === derived || new RegExp(`^${derived}-\\d+$`).test(before.slug);
}
