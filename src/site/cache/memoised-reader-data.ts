import type { PostService } from '../../features/content/post.service.js';
import type { EditorsPicksService } from '../../features/curation/editors-picks.service.js';
import type { FeedService } from '../../features/live/feed.service.js';
import type { NewsletterService } from '../../features/newsletters/newsletter.service.js';
import { cacheTags } from './cache-tags.js';
import type { ReaderDataMemo } from './reader-data-memo.js';

/**
 * The reads every reader page shares, answered from memory between changes: the
 * navigation's sections and lists of published posts change only when a live post does.
 */
export function memoisedPosts(posts: PostService, memo: ReaderDataMemo): PostService {
  return {
    ...posts,
    listSections: () => memo.get('sections', [cacheTags.postLists], () => posts.listSections()),
    listPublished: (query) =>
      memo.get(`published:${JSON.stringify(query)}`, [cacheTags.postLists], () =>
        posts.listPublished(query),
      ),
  };
}

export function memoisedPicks(
  picks: Pick<EditorsPicksService, 'listLivePicks'>,
  memo: ReaderDataMemo,
): Pick<EditorsPicksService, 'listLivePicks'> {
  return {
    listLivePicks: (limit) =>
      memo.get(`picks:${String(limit)}`, [cacheTags.editorsPicks, cacheTags.postLists], () =>
        picks.listLivePicks(limit),
      ),
  };
}

/** The news feed widget's entries and change id; every feed change purges both at once. */
export function memoisedFeedLatest(
  feed: Pick<FeedService, 'listLatest' | 'findLatestChangeId'>,
  memo: ReaderDataMemo,
): Pick<FeedService, 'listLatest' | 'findLatestChangeId'> {
  return {
    listLatest: (limit) =>
      memo.get(`feed:${String(limit)}`, [cacheTags.newsFeed], () => feed.listLatest(limit)),
    findLatestChangeId: () =>
      memo.get('feed:since', [cacheTags.newsFeed], () => feed.findLatestChangeId()),
  };
}

/** The newsletters the sign-up blocks offer; a newsletter's change purges the whole site. */
export function memoisedNewsletters(
  newsletters: Pick<NewsletterService, 'listNewsletters'>,
  memo: ReaderDataMemo,
): Pick<NewsletterService, 'listNewsletters'> {
  return {
    listNewsletters: () =>
      memo.get('newsletters', [cacheTags.site], () => newsletters.listNewsletters()),
  };
}
