import { useRef, useState } from 'preact/hooks';
import type { Tag } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { FeedComposer } from './feed-composer.js';
import { FeedEntryItem } from './feed-entry-item.js';
import { useFeedPages } from './use-feed-pages.js';

/**
 * The news feed desk: the composer on top, the latest entries below, newest first. Every
 * change is announced in one polite live region.
 */
export function NewsFeedPage() {
  const { api } = useApp();
  const pages = useFeedPages();
  const [tags] = useResource(() => api.get<{ tags: Tag[] }>('/tags').then((r) => r.tags), 'tags');
  const known = tags.state === 'ready' ? tags.value : [];
  const [announcement, setAnnouncement] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);

  return (
    <>
      <div class="page-header">
        <h1>News feed</h1>
        <a href="/news-feed">Open the news feed on the site</a>
      </div>
      <p class="lede">Entries go live the moment they are posted, on every open page.</p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <FeedComposer
        tags={known}
        onPosted={(entry) => {
          pages.prepend(entry);
          setAnnouncement(`Posted “${entry.title}”.`);
        }}
      />
      <section aria-labelledby="latest-entries">
        <h2 id="latest-entries" ref={listHeading} tabIndex={-1}>
          Latest entries
        </h2>
        {pages.error !== null && <Notice kind="error">{pages.error}</Notice>}
        {pages.entries.length > 0 && (
          <ol class="feed-entries">
            {pages.entries.map((entry) => (
              <FeedEntryItem
                key={entry.id}
                entry={entry}
                tags={known}
                onChanged={(changed, said) => {
                  pages.replace(changed);
                  setAnnouncement(said);
                }}
                onDeleted={(deleted) => {
                  pages.remove(deleted.id);
                  setAnnouncement(`Deleted “${deleted.title}”.`);
                  listHeading.current?.focus();
                }}
              />
            ))}
          </ol>
        )}
        {pages.loading && (
          <p class="loading" role="status">
            Loading entries…
          </p>
        )}
        {!pages.loading && pages.entries.length === 0 && pages.error === null && (
          <p class="empty">No entries yet.</p>
        )}
        {pages.hasMore && (
          <button type="button" onClick={pages.loadMore} disabled={pages.loading}>
            Load more entries
          </button>
        )}
      </section>
    </>
  );
}
