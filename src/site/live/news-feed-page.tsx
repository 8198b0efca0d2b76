import type { BodyRenderContext } from '../../features/content/body/render-body.js';
import { EntryCard } from './feed-entry-item.js';
import type { FeedEntryView } from './feed-entry-view.js';
import type { FeedDay } from './feed-time.js';

export interface NewsFeedPageView {
  /** Shown above the days on the first page only. */
  readonly pinned: readonly FeedEntryView[];
  readonly days: readonly { readonly day: FeedDay; readonly entries: readonly FeedEntryView[] }[];
  readonly bodyContext: BodyRenderContext;
  readonly isFirstPage: boolean;
  readonly newerUrl: string | null;
  readonly olderUrl: string | null;
  readonly rssUrl: string;
  readonly since: number;
  readonly streamUrl: string;
  readonly islandUrl: string;
}

/** Entries in the order given, grouped into their days (in the site's time zone). */
export function groupByDay(
  entries: readonly FeedEntryView[],
): { day: FeedDay; entries: FeedEntryView[] }[] {
  const groups: { day: FeedDay; entries: FeedEntryView[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.day.key === entry.day.key) last.entries.push(entry);
    else groups.push({ day: entry.day, entries: [entry] });
  }
  return groups;
}

/** `/news-feed`: every entry, newest first, grouped by day, with stable pages. */
export function NewsFeedPage({ view }: { view: NewsFeedPageView }) {
  const empty = view.pinned.length === 0 && view.days.length === 0;
  return (
    <div
      class="news-feed-archive"
      data-news-feed="archive"
      data-live={view.isFirstPage ? 'top' : 'edits'}
      data-since={String(view.since)}
      data-stream={view.streamUrl}
    >
      <h1 class="page-heading">News feed</h1>
      <p class="standfirst">
        Short updates as they happen. Follow them by <a href={view.rssUrl}>RSS</a>.
      </p>
      <div class="news-feed-notice">
        <button type="button" class="news-feed-new" hidden data-feed-button>
          New updates
        </button>
      </div>
      {view.isFirstPage && (
        <section
          class="news-feed-pinned"
          aria-labelledby="news-feed-pinned-heading"
          hidden={view.pinned.length === 0}
          data-feed-pinned
        >
          <h2 id="news-feed-pinned-heading">Pinned</h2>
          <ol class="news-feed-entries">
            {view.pinned.map((entry) => (
              <EntryCard key={entry.id} entry={entry} context={view.bodyContext} />
            ))}
          </ol>
        </section>
      )}
      <div data-feed-days>
        {view.days.map(({ day, entries }) => (
          <section
            key={day.key}
            class="news-feed-day"
            data-day={day.key}
            aria-labelledby={`day-${day.key}`}
          >
            <h2 id={`day-${day.key}`}>{day.text}</h2>
            <ol class="news-feed-entries">
              {entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} context={view.bodyContext} />
              ))}
            </ol>
          </section>
        ))}
      </div>
      {empty && <p>No updates yet. New entries appear here as they are posted.</p>}
      {(view.newerUrl !== null || view.olderUrl !== null) && (
        <nav class="pagination" aria-label="Pages of the news feed">
          {view.newerUrl !== null && (
            <a href={view.newerUrl} rel="prev">
              ← Newer updates
            </a>
          )}
          {view.olderUrl !== null && (
            <a href={view.olderUrl} rel="next">
              Older updates →
            </a>
          )}
        </nav>
      )}
      <p class="visually-hidden" aria-live="polite" data-feed-status></p>
      <script type="module" src={view.islandUrl}></script>
    </div>
  );
}
