import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { Trx } from '../../db/database.js';
import { AppError, invalid } from '../../platform/errors.js';
import { decideFreeSlug, toSlugFamily, type SlugChoice } from '../../platform/free-slug.js';
import type { PostInput } from './post-input.js';
import * as repo from './post.repository.js';
import { isReservedSlug, isValidSlug, reservedSlugs, slugify } from './slug.js';

/** How a post's slug is chosen on a save: a free one from the title, or the one asked for. */

export /** A save that lost a race for its slug (or a new tag's) may try once more. */
function isSlugClash(input: PostInput): (error: unknown) => boolean {
  return (error) =>
    decideConstraintViolation(error) === 'unique' &&
    (input.slug === undefined || (input.tags?.length ?? 0) > 0);
}

export /** A free slug made from `base`, found in one query; `own` counts as free. */
async function freeSlugFor(
  trx: Trx,
  base: string,
  choice: SlugChoice,
  own?: string,
): Promise<string> {
  const taken = new Set([
    ...(await repo.listPostSlugsLike(trx, toSlugFamily(base))),
    ...reservedSlugs,
  ]);
  if (own !== undefined) taken.delete(own);
  return decideFreeSlug(base, taken, choice);
}

/** The slug a save asks for, checked, or a free one made from the title. */
export async function decideSlug(
  trx: Trx,
  wanted: string | undefined,
  title: string,
  postId: string,
  choice: SlugChoice,
): Promise<string> {
  if (wanted === undefined) return freeSlugFor(trx, slugify(title), choice);
  if (!isValidSlug(wanted)) {
    throw invalid([{ field: 'slug', message: 'use lowercase letters, digits and single hyphens' }]);
  }
  if (isReservedSlug(wanted))
    throw invalid([{ field: 'slug', message: `"${wanted}" is reserved for the site` }]);
  const existing = await repo.findPostBySlug(trx, wanted);
  if (existing !== undefined && existing.id !== postId) {
    throw new AppError('slug_taken', `Another post already uses the slug "${wanted}".`, [
      { field: 'slug', message: 'is already taken' },
    ]);
  }
  return wanted;
}
