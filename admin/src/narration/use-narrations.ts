import type { NarrationResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource, type Resource } from '../app/use-resource.js';

/** The narrations of a page of posts, by post id, in one request. */
export function useNarrations(
  postIds: readonly string[],
): Resource<ReadonlyMap<string, NarrationResource>> {
  const { api } = useApp();
  const ids = postIds.join(',');
  const [narrations] = useResource(async () => {
    if (ids === '') return new Map<string, NarrationResource>();
    const found = await api.get<{ narrations: NarrationResource[] }>(
      `/narrations?post_ids=${encodeURIComponent(ids)}`,
    );
    return new Map(found.narrations.map((n) => [n.post_id, n]));
  }, `narrations:${ids}`);
  return narrations;
}
