import type { DomainEvent } from '../../platform/events/domain-events.js';
import '../../features/redirects/redirect-events.js';
import '../../features/content/content-events.js';
import '../../features/staff/staff-events.js';
import '../../features/narration/narration-events.js';
import '../../features/campaigns/campaign-events.js';
import '../../features/newsletters/newsletter-events.js';
import { campaignFiguresTag } from '../campaigns/campaign-page-cache.js';
import { cacheTags } from './cache-tags.js';

/**
 * Which cached pages a domain event makes stale, by tag. Exactly the pages that show the
 * changed thing: the post itself, every list of posts, its sections and its authors.
 */
export function decideStaleTags(event: DomainEvent): readonly string[] {
  switch (event.name) {
    case 'post.changed': {
      const { postId, tagSlugs, authorSlugs, wasLive, isLive } = event.payload;
      const tags = [cacheTags.post(postId)];
      if (wasLive || isLive) {
        tags.push(
          cacheTags.postLists,
          ...tagSlugs.map(cacheTags.tag),
          ...authorSlugs.map(cacheTags.author),
        );
      }
      return tags;
    }
    case 'media.changed': {
      const { postIds, anyPostLive, authorSlugs, usedInNewsFeed } = event.payload;
      return [
        ...postIds.map(cacheTags.post),
        ...(anyPostLive ? [cacheTags.postLists] : []),
        ...authorSlugs.map(cacheTags.author),
        ...(usedInNewsFeed ? [cacheTags.newsFeed] : []),
      ];
    }
    case 'staff.profile-changed':
      // Bylines and the author page show the profile.
      return [cacheTags.author(event.payload.slug)];
    case 'editors-picks.changed':
      return [cacheTags.editorsPicks];
    case 'settings.changed':
    case 'tag.changed':
      // Site-wide: navigation, section labels and settings show on every page.
      return [cacheTags.site];
    case 'feed.changed':
      return [cacheTags.newsFeed];
    case 'redirects.changed':
      return [cacheTags.redirects];
    case 'narration.changed':
      // The article's player and the podcast feeds.
      return [cacheTags.post(event.payload.postId), cacheTags.podcast];
    case 'campaign.changed':
      // A campaign starting, changing or stopping may place a banner on any page.
      return [cacheTags.site];
    case 'campaign.contribution-recorded':
      return [campaignFiguresTag];
    case 'newsletter.changed':
      // The sign-up block on the front page and after every article lists the newsletters.
      return [cacheTags.site];
    default:
      return [];
  }
}
