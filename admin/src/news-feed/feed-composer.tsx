import { useRef, useState } from 'preact/hooks';
import { isApiError, toMessage, type FieldProblem } from '../api/api-client.js';
import type { FeedEntryResource, Tag } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Notice } from '../ui/fields.js';
import {
  checkDraft,
  emptyDraft,
  toEntryBody,
  toFieldProblems,
  type FeedDraft,
} from './feed-draft.js';
import { FeedEntryFields } from './feed-entry-fields.js';

/** Ctrl+Enter, or Cmd+Enter on a Mac: post (or save) from anywhere in the form. */
export function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing;
}

/**
 * Posts a feed entry. Keyboard first: Ctrl/Cmd+Enter posts, and afterwards the headline is
 * empty and focused for the next entry. An entry is live the moment it is posted.
 */
export function FeedComposer(props: {
  readonly tags: readonly Tag[];
  readonly onPosted: (entry: FeedEntryResource) => void;
}) {
  const { api } = useApp();
  const [draft, setDraft] = useState<FeedDraft>(emptyDraft);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headline = useRef<HTMLInputElement>(null);

  const post = async () => {
    if (busy) return;
    const found = checkDraft(draft);
    setProblems(found);
    setError(null);
    if (found.length > 0) {
      headline.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const { entry } = await api.send<{ entry: FeedEntryResource }>(
        'POST',
        '/feed',
        toEntryBody(draft),
      );
      setDraft(emptyDraft);
      props.onPosted(entry);
      headline.current?.focus();
    } catch (caught) {
      if (isApiError(caught) && caught.fields.length > 0) {
        setProblems(toFieldProblems(caught.fields));
      }
      setError(`${toMessage(caught)} The entry is not posted yet; your text is still here.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="composer-title">
      <h2 id="composer-title">New feed entry</h2>
      <p class="field-hint">Press Ctrl+Enter (⌘+Enter on a Mac) to post from any field.</p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void post();
        }}
        onKeyDown={(event) => {
          if (!isSubmitShortcut(event)) return;
          event.preventDefault();
          void post();
        }}
      >
        <FeedEntryFields
          draft={draft}
          onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
          problems={problems}
          tags={props.tags}
          headlineRef={headline}
        />
        <div class="actions">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? 'Posting…' : 'Post'}
          </button>
        </div>
      </form>
    </section>
  );
}
