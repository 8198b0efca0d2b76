import type { FeedChangeKind } from './feed-entry.js';

/**
 * A feed entry changed. Small enough for a NOTIFY: every process reads the change itself
 * from the change log by id, so a lost or truncated notification loses nothing.
 */
export interface FeedChanged {
  /** The change log id, which is also the Server-Sent Events id. */
  readonly changeId: number;
  readonly kind: FeedChangeKind;
  readonly entryId: string;
  readonly slug: string;
  /** The linked article, whose page may show the entry. */
  readonly postId: string | null;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'feed.changed': FeedChanged;
  }
}
