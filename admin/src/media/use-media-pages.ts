import { useCallback, useEffect, useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { MediaResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';

/** The media library, a page at a time by the server's cursor, with local changes applied. */
export function useMediaPages() {
  const { api } = useApp();
  const [items, setItems] = useState<MediaResource[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const query = new URLSearchParams({ limit: '30' });
        if (after !== null) query.set('cursor', after);
        const page = await api.get<{ media: MediaResource[]; next_cursor: string | null }>(
          `/media?${query.toString()}`,
        );
        setItems((current) => [
          ...current,
          ...page.media.filter((m) => !current.some((c) => c.id === m.id)),
        ]);
        setCursor(page.next_cursor);
        setHasMore(page.next_cursor !== null);
      } catch (caught) {
        setError(toMessage(caught));
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    hasMore,
    loading,
    error,
    loadMore: () => void load(cursor),
    prepend: (media: MediaResource) => setItems((current) => [media, ...current]),
    replace: (media: MediaResource) =>
      setItems((current) => current.map((m) => (m.id === media.id ? media : m))),
    remove: (id: string) => setItems((current) => current.filter((m) => m.id !== id)),
  };
}
