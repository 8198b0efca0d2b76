import type { Executor } from '../../db/database.js';
import { AppError, invalid } from '../../platform/errors.js';
import { decideFreeSlug, toSlugFamily, type SlugChoice } from '../../platform/free-slug.js';
import { isReservedSlug, isValidSlug, reservedSlugs, slugify } from '../content/slug.js';
import { findEntryIdBySlug, listEntrySlugsLike } from './feed-entry.repository.js';

/** Entry pages live at /news-feed/{slug}; these names are the feed's own pages. */
const feedPageNames: ReadonlySet<string> = new Set(['live', 'rss']);

/** The slug an entry gets: the one asked for, checked, or a free one made from its title. */
export async function decideEntrySlug(
  executor: Executor,
  wanted: string | undefined,
  title: string,
  entryId: string,
  choice: SlugChoice = 'lowest-free',
): Promise<string> {
  if (wanted === undefined) {
    const base = slugify(title);
    const taken = await listEntrySlugsLike(executor, toSlugFamily(base));
    return decideFreeSlug(base, new Set([...taken, ...feedPageNames, ...reservedSlugs]), choice);
  }
  if (!isValidSlug(wanted)) {
    throw invalid([{ field: 'slug', message: 'use lowercase letters, digits and single hyphens' }]);
  }
  if (feedPageNames.has(wanted) || isReservedSlug(wanted)) {
    throw invalid([{ field: 'slug', message: `"${wanted}" is reserved for the site` }]);
  }
  const owner = await findEntryIdBySlug(executor, wanted);
  if (owner !== undefined && owner !== entryId) {
    throw new AppError('slug_taken', `Another feed entry already uses the slug "${wanted}".`, [
      { field: 'slug', message: 'is already taken' },
    ]);
  }
  return wanted;
}
