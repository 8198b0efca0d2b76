import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import type { NarrationResource } from '../../../src/features/narration/narration-resource.js';
import type {
  RedirectResource,
  RedirectTestResult,
} from '../../../src/features/redirects/redirect.resources.js';
import type { Role } from '../../../src/features/staff/role.js';

export type { NarrationResource, RedirectResource, RedirectTestResult };

/** The Admin API's shapes as the CMS reads them (snake_case where the API uses it). */

export type PostStatus = 'draft' | 'scheduled' | 'published';
export type Visibility = 'public' | 'members' | 'paid';
export type ReviewState = 'none' | 'submitted' | 'returned';

export interface TagRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

export interface Tag extends TagRef {
  readonly description: string;
}

export interface AuthorRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

export interface FeatureImageResource {
  readonly media_id: string;
  readonly url: string | null;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

export interface Review {
  readonly state: ReviewState;
  readonly note: string;
  readonly by: string | null;
  readonly at: string | null;
}

export interface PostResource {
  readonly id: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly standfirst: string;
  readonly status: PostStatus;
  readonly visibility: Visibility;
  readonly body: BodyDocument;
  readonly excerpt: string;
  readonly feature_image: FeatureImageResource | null;
  readonly tags: readonly TagRef[];
  readonly primary_tag: TagRef | null;
  readonly authors: readonly AuthorRef[];
  readonly seo_title: string;
  readonly seo_description: string;
  readonly published_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly revision: number;
  /** Present once the review workflow is on the server. */
  readonly review?: Review;
  /** Edits of a published or scheduled post that readers do not see yet. */
  readonly pending_changes?: PendingChangesResource | null;
}

/** A live post's pending version: the same fields as the post, and who saved it. */
export interface PendingChangesResource {
  readonly title: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly url: string;
  readonly visibility: Visibility;
  readonly body: BodyDocument;
  readonly feature_image: FeatureImageResource | null;
  readonly tags: readonly TagRef[];
  readonly authors: readonly AuthorRef[];
  readonly seo_title: string;
  readonly seo_description: string;
  readonly saved_by: string;
  readonly saved_by_name: string;
  readonly saved_at: string;
}

export interface RevisionSummary {
  readonly revision: number;
  readonly title: string;
  readonly standfirst: string;
  readonly saved_by: string;
  readonly saved_by_name: string;
  readonly saved_at: string;
}

/** Consecutive revisions by one person, each within half an hour of the last. */
export interface RevisionSession {
  readonly saved_by: string;
  readonly saved_by_name: string;
  readonly from: string;
  readonly to: string;
  /** Newest first. */
  readonly revisions: readonly RevisionSummary[];
}

export interface StaffUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly slug: string;
  readonly role: Role;
  readonly jobTitle: string;
  readonly status: 'active' | 'suspended';
  readonly createdAt: string;
}

export interface SessionResource {
  readonly user: StaffUser;
  readonly csrfToken: string;
}

export interface MediaResource {
  readonly id: string;
  readonly original_name: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly created_at: string;
  readonly rendition: { readonly src: string; readonly srcset: string };
}

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The staff user the token acts for; null for a newsroom-wide token. */
  readonly userId: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface NavigationLink {
  label: string;
  url: string;
}

export interface SiteSettingsResource {
  readonly title: string;
  readonly description: string;
  readonly timezone: string;
  readonly locale: string;
  readonly logo_media_id: string | null;
  readonly accent_color: string;
  readonly navigation: readonly NavigationLink[];
  readonly social: { readonly x: string; readonly facebook: string; readonly instagram: string };
}

export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly created_at: string;
}

export interface EditorsPick {
  readonly post_id: string;
  readonly title: string;
  readonly slug: string;
  readonly position: number;
}

export interface Invitation {
  readonly email: string;
  readonly role: Role;
  /** The name the inviter suggested, or empty. */
  readonly name?: string;
}

export interface FeedEntryResource {
  readonly id: string;
  readonly slug: string;
  /** The entry's own page on the site. */
  readonly url: string;
  readonly title: string;
  readonly body: BodyDocument;
  readonly html: string;
  readonly excerpt: string;
  readonly author: AuthorRef;
  readonly post: {
    readonly id: string;
    readonly slug: string;
    readonly title: string;
    readonly status: string;
    readonly url: string;
  } | null;
  readonly sections: readonly TagRef[];
  readonly pinned: boolean;
  readonly key_event: boolean;
  readonly published_at: string;
  /** Shown to readers as "Updated"; null when never edited. */
  readonly edited_at: string | null;
  readonly revision: number;
}

export interface FeedPage {
  readonly entries: readonly FeedEntryResource[];
  /** Pass as `before` for the next, older page. */
  readonly older: string | null;
}

/** A note kept with a post: a suggested correction, or an editor's note when publishing. */
export interface PostNoteResource {
  readonly id: string;
  readonly kind: 'correction' | 'publish';
  readonly body: string;
  readonly by_name: string;
  readonly created_at: string;
}

/** A deleted post waiting in the bin until `purge_at`. */
export interface BinnedPostResource {
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  readonly status_before: PostStatus;
  readonly deleted_at: string;
  readonly deleted_by_name: string;
  readonly purge_at: string;
}

/** The editors' queue at a glance; null for those who do not review. */
export type ReviewSummaryResource = {
  readonly count: number;
  readonly oldest: { readonly id: string; readonly title: string; readonly since: string } | null;
} | null;

/** The dashboard's first look: the queue and the next 24 hours, in the site's time zone. */
export interface DeskResource {
  readonly time_zone: string;
  readonly from: string;
  readonly until: string;
  readonly review: ReviewSummaryResource;
  readonly upcoming: readonly {
    readonly id: string;
    readonly title: string;
    readonly published_at: string;
    readonly section: string | null;
  }[];
}
