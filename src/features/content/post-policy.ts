import { AppError, type FieldProblem } from '../../platform/errors.js';
import type { Actor } from '../staff/actor.js';
import { can, ensureCan } from '../staff/permissions.js';
import { findMissingAltText } from './body/missing-alt-text.js';
import { isReadOnlyFor } from './post-delete.js';
import type { Post } from './post.js';

type Owned = Pick<Post, 'createdBy' | 'authors'>;

/** The actor wrote the post: created it, or is credited in its byline. */
export function isOwnerOf(actor: Actor, post: Owned): boolean {
  if (post.createdBy === actor.id) return true;
  return actor.userId !== null && post.authors.some((author) => author.id === actor.userId);
}

export function ensureCanEdit(actor: Actor, post: Owned & Pick<Post, 'status'>): void {
  if (can(actor, 'post.edit-any')) return;
  ensureCan(actor, 'post.edit-own', 'edit posts');
  if (!isOwnerOf(actor, post)) {
    throw new AppError(
      'forbidden',
      'You can only edit your own posts. Ask an editor for this one.',
    );
  }
  if (isReadOnlyFor(actor.role, { status: post.status, isOwner: true })) {
    throw new AppError(
      'post_read_only',
      'This post is live or scheduled, so only an editor can change it now. Suggest a correction instead.',
    );
  }
}

export function ensureCanPublish(actor: Actor, post: Owned): void {
  if (can(actor, 'post.publish-any')) return;
  if (can(actor, 'post.publish-own') && isOwnerOf(actor, post)) return;
  throw new AppError(
    'forbidden',
    can(actor, 'post.publish-own')
      ? 'You can only publish your own posts. Ask an editor to publish this one.'
      : `Your role (${actor.role}) cannot publish. Submit the post to an editor instead.`,
  );
}

/** What must be true before a post goes live: a readers' page needs these. */
export function findPublishProblems(
  post: Pick<Post, 'title' | 'featureImage' | 'body' | 'authors'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (post.title.trim() === '')
    problems.push({ field: 'title', message: 'a headline is required to publish' });
  if (post.featureImage !== null && post.featureImage.alt.trim() === '') {
    problems.push({
      field: 'feature_image.alt',
      message: 'describe the feature image for readers who cannot see it',
    });
  }
  problems.push(...findMissingAltText(post.body));
  if (post.authors.length === 0) {
    problems.push({ field: 'authors', message: 'name at least one author for the byline' });
  }
  return problems;
}
