import type { FieldProblem } from '../api/api-client.js';
import type { FeedEntryResource } from '../api/resources.js';
import { toMarkdown } from './body-to-markdown.js';

/** What the composer, or an entry's inline edit, holds before it is saved. */
export interface FeedDraft {
  readonly title: string;
  /** `null` when the entry's body has blocks Markdown cannot say: it is left as it is. */
  readonly markdown: string | null;
  readonly keyEvent: boolean;
  readonly pinned: boolean;
  readonly post: { readonly id: string; readonly title: string } | null;
  /** Tag names; the first is the entry's section. */
  readonly sections: readonly string[];
}

export const emptyDraft: FeedDraft = {
  title: '',
  markdown: '',
  keyEvent: false,
  pinned: false,
  post: null,
  sections: [],
};

export function toDraft(entry: FeedEntryResource): FeedDraft {
  return {
    title: entry.title,
    markdown: toMarkdown(entry.body),
    keyEvent: entry.key_event,
    pinned: entry.pinned,
    post: entry.post === null ? null : { id: entry.post.id, title: entry.post.title },
    sections: entry.sections.map((s) => s.name),
  };
}

/** The Admin API's fields for a draft (create, or patch with `revision`). */
export function toEntryBody(draft: FeedDraft): Record<string, unknown> {
  return {
    title: draft.title.trim(),
    ...(draft.markdown === null ? {} : { markdown: draft.markdown }),
    key_event: draft.keyEvent,
    pinned: draft.pinned,
    post_id: draft.post?.id ?? null,
    sections: [...draft.sections],
  };
}

/** Checked here first, with the server's field names, so the message sits by its field. */
export function checkDraft(draft: FeedDraft): FieldProblem[] {
  return draft.title.trim() === ''
    ? [{ field: 'title', message: 'Write a headline: readers see it first.' }]
    : [];
}

/**
 * The server names schema problems by where they were (`body.title`) and its own checks by
 * the field (`title`); the composer wants the field.
 */
export function toFieldProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: p.field.replace(/^body\.(?=.)/, '') }));
}
