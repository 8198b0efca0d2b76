import type { BodyDocument } from '../content/body/body.types.js';
import { bodyToPlainText } from '../content/body/body-to-text.js';
import { decideEditedAt, type FeedChangeKind, type FeedEntry } from './feed-entry.js';
import type { FeedEntryTable } from './feed-entry.table.js';

/** A save of an existing entry, with every reference already resolved and checked. */
export interface FeedEntryEdit {
  readonly title?: string | undefined;
  readonly body?: BodyDocument | undefined;
  readonly slug?: string | undefined;
  readonly postId?: string | null | undefined;
  readonly pinned?: boolean | undefined;
  readonly keyEvent?: boolean | undefined;
  readonly authorId?: string | undefined;
  readonly publishedAt?: Date | undefined;
  readonly sectionIds?: readonly string[] | undefined;
}

export interface FeedEntryEditDecision {
  /** Only the columns that change, plus `edited_at` when readers' text changed. */
  readonly columns: Partial<FeedEntryTable>;
  readonly sectionIds: readonly string[] | undefined;
  /** `pinned` when pinning or unpinning is all that changed. */
  readonly kind: FeedChangeKind;
}

/**
 * Decides what a save changes, or null when it changes nothing (so nothing is stored or
 * sent to readers). The title, body and article link are what readers read: changing one
 * of them after publishing earns the entry its "Updated" stamp.
 */
export function decideEntryEdit(
  before: FeedEntry,
  edit: FeedEntryEdit,
  now: Date,
): FeedEntryEditDecision | null {
  const columns: Partial<FeedEntryTable> = {};
  let readersText = false;
  if (edit.title !== undefined && edit.title !== before.title) {
    columns.title = edit.title;
    readersText = true;
  }
  if (edit.body !== undefined && JSON.stringify(edit.body) !== JSON.stringify(before.body)) {
    columns.body = JSON.stringify(edit.body);
    columns.plain_text = bodyToPlainText(edit.body);
    readersText = true;
  }
  if (edit.postId !== undefined && edit.postId !== before.postId) {
    columns.post_id = edit.postId;
    readersText = true;
  }
  if (edit.slug !== undefined && edit.slug !== before.slug) columns.slug = edit.slug;
  if (edit.keyEvent !== undefined && edit.keyEvent !== before.keyEvent) {
    columns.key_event = edit.keyEvent ? 1 : 0;
  }
  if (edit.authorId !== undefined && edit.authorId !== before.author.id) {
    columns.author_id = edit.authorId;
  }
  const publishedAt = edit.publishedAt ?? before.publishedAt;
  if (publishedAt.getTime() !== before.publishedAt.getTime()) {
    columns.published_at = publishedAt.toISOString();
  }
  const sectionIds =
    edit.sectionIds !== undefined &&
    edit.sectionIds.join(' ') !== before.sections.map((s) => s.id).join(' ')
      ? edit.sectionIds
      : undefined;
  const othersChanged = Object.keys(columns).length > 0 || sectionIds !== undefined;
  const pinChanged = edit.pinned !== undefined && edit.pinned !== before.pinned;
  if (pinChanged) columns.pinned = edit.pinned ? 1 : 0;
  if (!othersChanged && !pinChanged) return null;
  if (readersText) {
    columns.edited_at = decideEditedAt(publishedAt, now, before.editedAt)?.toISOString() ?? null;
  }
  return { columns, sectionIds, kind: othersChanged ? 'updated' : 'pinned' };
}
