import type { PostStatus } from './post.js';

/** A post changed in a way a reader may see. Carries what a cache needs to find its pages. */
export interface PostChanged {
  readonly postId: string;
  readonly slug: string;
  /** Set when the slug changed: the old URL now redirects. */
  readonly previousSlug: string | null;
  readonly change: 'created' | 'updated' | 'published' | 'unpublished' | 'scheduled' | 'deleted';
  readonly status: PostStatus;
  /** Was readable before the change, or is now. */
  readonly wasLive: boolean;
  readonly isLive: boolean;
  readonly tagSlugs: readonly string[];
  readonly authorSlugs: readonly string[];
}

/** A tag was renamed, described or deleted: every page showing it as a section changes. */
export interface TagChanged {
  readonly tagId: string;
  readonly slug: string;
}

/**
 * A media item was changed (alt text, caption, credit) or deleted: the pages that show it
 * must be rendered again.
 */
export interface MediaChanged {
  readonly mediaId: string;
  readonly change: 'updated' | 'deleted';
  /** Posts that show it, and whether any of them is live (lists show feature images). */
  readonly postIds: readonly string[];
  readonly anyPostLive: boolean;
  /** Staff whose profile photo it is: their author pages and bylines. */
  readonly authorSlugs: readonly string[];
  readonly usedInNewsFeed: boolean;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'post.changed': PostChanged;
    'tag.changed': TagChanged;
    'media.changed': MediaChanged;
  }
}

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    'post.publish': { postId: string };
  }
}
