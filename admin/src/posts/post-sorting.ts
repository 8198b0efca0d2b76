import type { PostResource } from '../api/resources.js';

export const postSorts = [
  { value: 'updated', label: 'Last updated first' },
  { value: 'published', label: 'Last published first' },
  { value: 'title', label: 'Headline, A to Z' },
] as const;
export type PostSort = (typeof postSorts)[number]['value'];

export function isPostSort(value: string): value is PostSort {
  return postSorts.some((sort) => sort.value === value);
}

/** The posts of one page in the chosen order; unpublished posts go last by publish date. */
export function sortPosts<P extends Pick<PostResource, 'title' | 'published_at' | 'updated_at'>>(
  posts: readonly P[],
  sort: PostSort,
): P[] {
  const copy = [...posts];
  switch (sort) {
    case 'updated':
      return copy.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
    case 'published':
      return copy.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''));
    case 'title':
      return copy.sort((a, b) => a.title.localeCompare(b.title));
  }
}
