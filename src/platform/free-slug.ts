import { randomInt } from 'node:crypto';

/**
 * Choosing a free slug in a constant number of queries. The caller reads, in one query,
 * every slug equal to the base or starting with `{stem}-` (see `toSlugStem`), and this
 * picks the base or the lowest free `{stem}-2`, `{stem}-3`… from that set. Two saves
 * racing for the same slug are stopped by the unique index; `withSlugRetry` then runs the
 * save once more with a random suffix, which cannot clash in practice.
 */

/** The longest slug anywhere on the site. */
export const maxSlugLength = 120;

/** Room kept for `-` and a number (or random suffix) of up to 7 characters. */
const suffixRoom = 8;

export type SlugChoice = 'lowest-free' | 'random-suffix';

/** The part before `-N`: the base, cut so that a suffix still fits in `maxSlugLength`. */
export function toSlugStem(base: string): string {
  if (base.length + suffixRoom <= maxSlugLength) return base;
  return base.slice(0, maxSlugLength - suffixRoom).replace(/-+$/u, '');
}

function randomSuffix(): string {
  return randomInt(36 ** 6)
    .toString(36)
    .padStart(6, '0');
}

/**
 * `base` when it is not in `taken`, else `{stem}-N` with the lowest N ≥ 2 not in `taken`.
 * `taken` may hold unrelated slugs too (a LIKE query over-matches); they are ignored.
 */
export function decideFreeSlug(
  base: string,
  taken: ReadonlySet<string>,
  choice: SlugChoice = 'lowest-free',
): string {
  const stem = toSlugStem(base);
  if (choice === 'random-suffix') return `${stem}-${randomSuffix()}`;
  if (base.length <= maxSlugLength && !taken.has(base)) return base;
  const prefix = `${stem}-`;
  const used = new Set<number>();
  for (const slug of taken) {
    if (!slug.startsWith(prefix)) continue;
    const digits = slug.slice(prefix.length);
    if (/^[1-9][0-9]{0,6}$/u.test(digits)) used.add(Number(digits));
  }
  let n = 2;
  while (used.has(n)) n += 1;
  return `${prefix}${n}`;
}

/** What a repository matches to list the slugs `decideFreeSlug` must know about. */
export interface SlugFamily {
  readonly base: string;
  /** `{stem}-%`: over-matches (`_` is a wildcard, SQLite ignores case); harmless. */
  readonly like: string;
  /** No `{stem}-N` is longer: keeps `{stem}-something-else` slugs out of the answer. */
  readonly maxLength: number;
}

export function toSlugFamily(base: string): SlugFamily {
  const stem = toSlugStem(base);
  return { base, like: `${stem}-%`, maxLength: stem.length + suffixRoom };
}

/**
 * Runs a save that picks free slugs; when the unique index stops it (someone took the slug
 * between the read and the write), runs it once more with random suffixes.
 */
export async function withSlugRetry<T>(
  save: (choice: SlugChoice) => Promise<T>,
  isUniqueViolation: (error: unknown) => boolean,
): Promise<T> {
  try {
    return await save('lowest-free');
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return save('random-suffix');
  }
}
