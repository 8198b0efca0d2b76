import { renderToString } from 'preact-render-to-string';
import { BodyView, type BodyRenderContext } from '../../features/content/body/render-body.js';
import type { FeedEntryView } from './feed-entry-view.js';

/**
 * One entry in a list, server-rendered. The same markup is sent to open pages over the
 * live connection, so an entry that arrives live looks exactly like one loaded with the
 * page. `data-*` attributes are what the island reads to place and replace entries.
 */

function Flags({ entry }: { entry: FeedEntryView }) {
  return (
    <>
      {entry.pinned && <span class="news-feed-flag">Pinned</span>}
      {entry.keyEvent && <span class="news-feed-flag news-feed-key">Key event</span>}
    </>
  );
}

/**
 * "9:00 AM (Updated: 9:41 AM)"; the stamp is left out, never empty, when not edited.
 * `withDate` adds the date to an entry from another day, where no day heading says it.
 */
export function EntryTimes({ entry, withDate }: { entry: FeedEntryView; withDate: boolean }) {
  const time = withDate ? entry.when : entry.time;
  return (
    <span class="news-feed-time">
      <time datetime={time.iso}>{time.text}</time>
      {entry.updated !== null && (
        <span class="news-feed-updated">
          {' '}
          (Updated: <time datetime={entry.updated.iso}>{entry.updated.text}</time>)
        </span>
      )}
    </span>
  );
}

function itemData(entry: FeedEntryView) {
  return {
    'data-entry-id': entry.id,
    'data-published': entry.publishedAt.toISOString(),
    'data-pinned': entry.pinned ? 'true' : 'false',
  };
}

/** A line of the widget: time, stamp and headline linking to the entry. */
export function WidgetItem({ entry }: { entry: FeedEntryView }) {
  return (
    <li class="news-feed-item" {...itemData(entry)}>
      <p class="news-feed-meta">
        <EntryTimes entry={entry} withDate /> <Flags entry={entry} />
      </p>
      <a class="news-feed-headline" href={entry.url}>
        {entry.title}
      </a>
    </li>
  );
}

/** A whole entry in the archive: headline, body and the link to its article. */
export function EntryCard({
  entry,
  context,
  headingLevel = 3,
}: {
  entry: FeedEntryView;
  context: BodyRenderContext;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `entry-${entry.id}`;
  return (
    <li class="news-feed-entry" {...itemData(entry)}>
      <article aria-labelledby={headingId}>
        <p class="news-feed-meta">
          <EntryTimes entry={entry} withDate={entry.pinned} /> <Flags entry={entry} />
        </p>
        <Heading id={headingId} class="news-feed-title">
          <a href={entry.url}>{entry.title}</a>
        </Heading>
        <div class="news-feed-body">
          <BodyView body={entry.body} context={context} />
        </div>
        {entry.article !== null && (
          <p class="news-feed-article">
            Read the full article: <a href={entry.article.url}>{entry.article.title}</a>
          </p>
        )}
      </article>
    </li>
  );
}

export function renderWidgetItem(entry: FeedEntryView): string {
  return renderToString(<WidgetItem entry={entry} />);
}

export function renderEntryCard(entry: FeedEntryView, context: BodyRenderContext): string {
  return renderToString(<EntryCard entry={entry} context={context} />);
}
