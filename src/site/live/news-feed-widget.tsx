import type { FeedEntryView } from './feed-entry-view.js';
import { WidgetItem } from './feed-entry-item.js';

export interface NewsFeedWidgetProps {
  /** Pinned entries first, then the newest. */
  readonly entries: readonly FeedEntryView[];
  /** How many entries the widget shows; the island keeps it at this many. */
  readonly limit: number;
  /** The change id the entries are current as of: the island resumes from it. */
  readonly since: number;
  readonly streamUrl: string;
  readonly islandUrl: string;
  readonly moreUrl: string;
}

/**
 * "News Feed" beside the news: the latest entries with their times and a "More news" link.
 * Complete without JavaScript; the island keeps it current while the page is open.
 */
export function NewsFeedWidget(props: NewsFeedWidgetProps) {
  return (
    <section
      class="news-feed-widget"
      aria-labelledby="news-feed-widget-heading"
      data-news-feed="widget"
      data-live="top"
      data-since={String(props.since)}
      data-stream={props.streamUrl}
      data-limit={String(props.limit)}
    >
      <h2 id="news-feed-widget-heading">News Feed</h2>
      <div class="news-feed-notice">
        <button type="button" class="news-feed-new" hidden data-feed-button>
          New updates
        </button>
      </div>
      <ol class="news-feed-items" data-feed-list="all">
        {props.entries.map((entry) => (
          <WidgetItem key={entry.id} entry={entry} />
        ))}
      </ol>
      {props.entries.length === 0 && <p class="news-feed-empty">No updates yet.</p>}
      <p class="news-feed-more">
        <a href={props.moreUrl}>More news</a>
      </p>
      <p class="visually-hidden" aria-live="polite" data-feed-status></p>
      <script type="module" src={props.islandUrl}></script>
    </section>
  );
}
