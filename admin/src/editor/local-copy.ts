import type { PostForm } from './post-form.js';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';

/**
 * Unsaved work kept in this browser (localStorage) until the server has it, so a closed
 * tab, a lost connection or an edit conflict never loses text. `unsaved` is written on
 * every change and removed after a save that matches it; `conflict` holds the person's
 * own version after they chose someone else's, until they discard it.
 */

export interface LocalCopy {
  readonly form: PostForm;
  readonly body: BodyDocument;
  readonly slugEdited: boolean;
  /** The revision the copy was based on. */
  readonly revision: number;
  readonly savedAt: string;
}

export type LocalCopyKind = 'unsaved' | 'conflict';

function keyOf(postId: string | null, kind: LocalCopyKind): string {
  return `masthead.cms.post.${postId ?? 'new'}.${kind}`;
}

export function writeLocalCopy(postId: string | null, kind: LocalCopyKind, copy: LocalCopy): void {
  try {
    localStorage.setItem(keyOf(postId, kind), JSON.stringify(copy));
  } catch {
    // A full or disabled storage must not stop editing; the server save still runs.
  }
}

export function readLocalCopy(postId: string | null, kind: LocalCopyKind): LocalCopy | null {
  try {
    const raw = localStorage.getItem(keyOf(postId, kind));
    return raw === null ? null : (JSON.parse(raw) as LocalCopy);
  } catch {
    return null;
  }
}

export function clearLocalCopy(postId: string | null, kind: LocalCopyKind): void {
  try {
    localStorage.removeItem(keyOf(postId, kind));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
