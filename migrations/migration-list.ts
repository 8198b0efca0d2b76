import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as search from './0002-search.js';
import * as editorsPicks from './0003-editors-picks.js';
import * as newsFeed from './0004-news-feed.js';
import * as staffAccess from './0005-staff-access.js';
import * as postReview from './0006-post-review.js';
import * as domainEventLog from './0013-domain-event-log.js';
import * as members from './0014-members.js';
import * as pendingChanges from './0016-pending-changes.js';
import * as redirects from './0015-redirects.js';
import * as cdnPurge from './0017-cdn-purge.js';
import * as postPublicSlug from './0011-post-public-slug.js';
import * as newsletters from './0050-newsletters.js';

/** Every migration, in order. Names never change once released. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-foundation': foundation,
  '0002-search': search,
  '0003-editors-picks': editorsPicks,
  '0004-news-feed': newsFeed,
  '0005-staff-access': staffAccess,
  '0006-post-review': postReview,
  '0013-domain-event-log': domainEventLog,
  '0014-members': members,
  '0016-pending-changes': pendingChanges,
  '0015-redirects': redirects,
  '0017-cdn-purge': cdnPurge,
  '0011-post-public-slug': postPublicSlug,
  '0050-newsletters': newsletters,
};
