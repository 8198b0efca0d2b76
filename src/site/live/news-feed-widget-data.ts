import type { FeedService } from '../../features/live/feed.service.js';
import type { Clock } from '../../platform/clock.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { toFeedEntryView } from './feed-entry-view.js';
import { newsFeedPaths } from './news-feed-paths.js';
import type { NewsFeedWidgetProps } from './news-feed-widget.js';

export interface NewsFeedWidgetDeps {
  readonly feed: Pick<FeedService, 'listLatest' | 'findLatestChangeId'>;
  readonly getSiteSettings: () => Promise<SiteSettings>;
  readonly clock: Clock;
  /** The fingerprinted URL of the news feed island script. */
  readonly islandUrl: string;
}

/** The props of `NewsFeedWidget`: the latest `limit` entries, pinned ones first. */
export async function loadNewsFeedWidget(
  deps: NewsFeedWidgetDeps,
  limit = 6,
): Promise<NewsFeedWidgetProps> {
  // Read before the entries: whatever changes after this id, the island replays.
  const since = await deps.feed.findLatestChangeId();
  const [entries, site] = await Promise.all([deps.feed.listLatest(limit), deps.getSiteSettings()]);
  return {
    entries: entries.map((entry) => toFeedEntryView(entry, site, null, deps.clock.now())),
    limit,
    since,
    streamUrl: newsFeedPaths.live(),
    islandUrl: deps.islandUrl,
    moreUrl: newsFeedPaths.archive(),
  };
}
