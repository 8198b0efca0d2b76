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
import * as postNotes from './0030-post-notes.js';
import * as postBin from './0031-post-bin.js';
import * as narration from './0060-narration.js';
import * as readerRevenue from './0040-reader-revenue.js';
import * as postCollaboration from './0020-post-collaboration.js';
import * as campaigns from './0080-campaigns.js';
import * as newsletters from './0050-newsletters.js';
import * as checkoutAttribution from './0041-checkout-attribution.js';
import * as testPaymentDeclines from './0042-test-payment-declines.js';
import * as newsletterBriefing from './0051-newsletter-briefing.js';

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
  '0030-post-notes': postNotes,
  '0031-post-bin': postBin,
  '0060-narration': narration,
  '0040-reader-revenue': readerRevenue,
  '0020-post-collaboration': postCollaboration,
  '0080-campaigns': campaigns,
  '0050-newsletters': newsletters,
  '0041-checkout-attribution': checkoutAttribution,
  '0042-test-payment-declines': testPaymentDeclines,
  '0051-newsletter-briefing': newsletterBriefing,
};
