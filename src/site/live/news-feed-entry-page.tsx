import { BodyView, type BodyRenderContext } from '../../features/content/body/render-body.js';
import type { FeedEntryView } from './feed-entry-view.js';

/** `/news-feed/{slug}`: one entry on a page of its own, to link to and to share. */
export function NewsFeedEntryPage({
  entry,
  context,
  archiveUrl,
}: {
  entry: FeedEntryView;
  context: BodyRenderContext;
  archiveUrl: string;
}) {
  return (
    <article class="article news-feed-single">
      <p class="article-section">
        <a href={archiveUrl}>News feed</a>
        {entry.keyEvent && <span class="news-feed-flag news-feed-key">Key event</span>}
      </p>
      <h1>{entry.title}</h1>
      <div class="article-meta">
        <span class="byline">By {entry.author}</span>
        <time datetime={entry.published.iso}>{entry.published.text}</time>
        {entry.updated !== null && (
          <span class="news-feed-updated">
            Updated: <time datetime={entry.updated.iso}>{entry.updated.text}</time>
          </span>
        )}
      </div>
      <div class="article-body">
        <BodyView body={entry.body} context={context} />
      </div>
      {entry.article !== null && (
        <p class="news-feed-article">
          Read the full article: <a href={entry.article.url}>{entry.article.title}</a>
        </p>
      )}
      {entry.sections.length > 0 && (
        <p class="news-feed-sections">
          In{' '}
          {entry.sections.map((section, index) => (
            <span key={section.url}>
              {index > 0 && ', '}
              <a href={section.url}>{section.name}</a>
            </span>
          ))}
        </p>
      )}
      <p>
        <a href={archiveUrl}>More news</a>
      </p>
    </article>
  );
}
