import type { FeedPosition } from './feed-entry.repository.js';

/**
 * A page of the feed starts after an entry, not at an offset, so a new entry never moves
 * an older page. The cursor names that entry's position, opaque to readers.
 */
export function toFeedCursor(position: { publishedAt: Date; id: string }): string {
  return Buffer.from(`${position.publishedAt.toISOString()}|${position.id}`).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function parseFeedCursor(cursor: string): FeedPosition | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([\w-]{1,64})$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  if (Number.isNaN(Date.parse(match[1]))) return undefined;
  return { publishedAt: match[1], id: match[2] };
}
