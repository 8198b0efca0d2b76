import { useCallback, useEffect, useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { FeedEntryResource, FeedPage } from '../api/resources.js';
import { useApp } from '../app/app-context.js';

/** The news feed, newest first, a page at a time by the server's cursor, with local changes. */
export function useFeedPages(pageSize = 20) {
  const { api } = useApp();
  const [entries, setEntries] = useState<FeedEntryResource[]>([]);
  const [older, setOlder] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const query = new URLSearchParams({ limit: String(pageSize) });
        if (before !== null) query.set('before', before);
        const page = await api.get<FeedPage>(`/feed?${query.toString()}`);
        // An entry posted here meanwhile may come again on the next page: keep one.
        setEntries((current) => [
          ...current,
          ...page.entries.filter((e) => !current.some((c) => c.id === e.id)),
        ]);
        setOlder(page.older);
      } catch (caught) {
        setError(toMessage(caught));
      } finally {
        setLoading(false);
      }
    },
    [api, pageSize],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    entries,
    loading,
    error,
    hasMore: older !== null,
    loadMore: () => void load(older),
    prepend: (entry: FeedEntryResource) => setEntries((current) => [entry, ...current]),
    replace: (entry: FeedEntryResource) =>
      setEntries((current) => current.map((e) => (e.id === entry.id ? entry : e))),
    remove: (id: string) => setEntries((current) => current.filter((e) => e.id !== id)),
  };
}
