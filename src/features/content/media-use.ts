import { AppError, forbidden } from '../../platform/errors.js';
import type { Actor } from '../staff/actor.js';
import { can, ensureCan } from '../staff/permissions.js';
import type { Media } from './media.js';
import type { MediaUseRow } from './media.repository.js';

/**
 * Rules for deleting a media item. Uploaders look after their own unused images; an image
 * that something still shows is deleted only when an editor confirms (`force`), because a
 * published article would lose its picture.
 */

export type MediaUse = MediaUseRow;

function describeUse(use: MediaUse): string {
  switch (use.kind) {
    case 'post':
      return `“${use.title || 'Untitled'}” (${use.status === 'published' ? 'published' : use.status})`;
    case 'feed_entry':
      return `the news feed entry “${use.title}”`;
    case 'staff':
      return `${use.title}’s staff photo`;
  }
}

export function mediaInUse(uses: readonly MediaUse[]): AppError {
  const shown = uses.slice(0, 5).map(describeUse);
  const more = uses.length > shown.length ? ` and ${uses.length - shown.length} more` : '';
  return new AppError(
    'media_in_use',
    `This image is used in ${shown.join(', ')}${more}. Remove it there first, ` +
      'or ask an editor to delete it anyway.',
    uses.map((use) => ({ field: `${use.kind}:${use.id}`, message: describeUse(use) })),
  );
}

/** Throws unless `actor` may delete `media`, used by `uses`, with or without `force`. */
export function ensureMayDeleteMedia(
  actor: Actor,
  media: Pick<Media, 'createdBy'>,
  uses: readonly MediaUse[],
  force: boolean,
): void {
  if (media.createdBy === actor.id) ensureCan(actor, 'media.upload', 'delete images');
  else ensureCan(actor, 'media.manage', 'delete images uploaded by someone else');
  if (uses.length === 0) return;
  if (!force) throw mediaInUse(uses);
  if (!can(actor, 'media.manage')) {
    throw forbidden(
      'Only an editor can delete an image that is still in use. Remove it from the posts ' +
        'that show it, or ask an editor.',
    );
  }
}
