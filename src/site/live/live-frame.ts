import type { FeedChange } from '../../features/live/feed-entry.js';
import { toSseFrame } from '../../features/live/sse-frame.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import type { Clock } from '../../platform/clock.js';
import { renderEntryCard, renderWidgetItem } from './feed-entry-item.js';
import { loadFeedEntryViews, type FeedViewDeps } from './feed-entry-view.js';

export interface LiveFrameDeps extends Omit<FeedViewDeps, 'site' | 'now'> {
  readonly getSiteSettings: () => Promise<SiteSettings>;
  readonly clock: Clock;
}

/** What the island receives for an entry: where it goes, and its markup for each list. */
export interface LiveEntryData {
  readonly id: string;
  readonly title: string;
  readonly published: string;
  readonly pinned: boolean;
  readonly day: { readonly key: string; readonly text: string };
  /** The entry as a widget line. */
  readonly item: string;
  /** The entry as an archive card. */
  readonly card: string;
}

/**
 * The Server-Sent Events frame for one change: the event is the change's kind, the id its
 * change log id, the data the entry rendered exactly as a page would render it.
 */
export async function toLiveFrame(change: FeedChange, deps: LiveFrameDeps): Promise<string> {
  if (change.entry === null) {
    return toSseFrame({
      id: change.id,
      event: change.kind,
      data: JSON.stringify({ id: change.entryId }),
    });
  }
  const site = await deps.getSiteSettings();
  const views = await loadFeedEntryViews([change.entry], { ...deps, site, now: deps.clock.now() });
  const [view] = views.entries;
  if (view === undefined) throw new Error(`Feed change ${change.id} has no entry to show.`);
  const data: LiveEntryData = {
    id: view.id,
    title: view.title,
    published: view.publishedAt.toISOString(),
    pinned: view.pinned,
    day: view.day,
    item: renderWidgetItem(view),
    card: renderEntryCard(view, views.bodyContext),
  };
  return toSseFrame({ id: change.id, event: change.kind, data: JSON.stringify(data) });
}
