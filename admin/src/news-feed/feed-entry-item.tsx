import { useEffect, useRef, useState } from 'preact/hooks';
import { isApiError, toMessage, type FieldProblem } from '../api/api-client.js';
import type { FeedEntryResource, Tag } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Notice } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import { isSubmitShortcut } from './feed-composer.js';
import { checkDraft, toDraft, toEntryBody, toFieldProblems, type FeedDraft } from './feed-draft.js';
import { FeedEntryFields } from './feed-entry-fields.js';

type Mode = 'reading' | 'editing' | 'deleting';

/**
 * One entry of the list: read it, edit it in place (sent with its revision, so a newer
 * save by someone else is never overwritten unseen), pin or unpin it, delete it.
 */
export function FeedEntryItem(props: {
  readonly entry: FeedEntryResource;
  readonly tags: readonly Tag[];
  readonly onChanged: (entry: FeedEntryResource, said: string) => void;
  readonly onDeleted: (entry: FeedEntryResource) => void;
}) {
  const { api } = useApp();
  const { entry } = props;
  const [mode, setMode] = useState<Mode>('reading');
  const [draft, setDraft] = useState<FeedDraft>(() => toDraft(entry));
  /** The revision the draft is based on; moves on only when the person takes theirs. */
  const [basedOn, setBasedOn] = useState(entry.revision);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<FeedEntryResource | null>(null);
  const [busy, setBusy] = useState(false);
  const headline = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const path = `/feed/${encodeURIComponent(entry.id)}`;
  const titleId = `feed-entry-${entry.id}`;

  useEffect(() => {
    if (mode === 'editing') headline.current?.focus();
    if (mode === 'deleting') confirmButton.current?.focus();
  }, [mode]);

  const startEditing = () => {
    setDraft(toDraft(entry));
    setBasedOn(entry.revision);
    setProblems([]);
    setError(null);
    setTheirs(null);
    setMode('editing');
  };
  const stopEditing = () => {
    setMode('reading');
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(toMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = (revision: number) =>
    run(async () => {
      const found = checkDraft(draft);
      setProblems(found);
      if (found.length > 0) return;
      try {
        const saved = await api.send<{ entry: FeedEntryResource }>('PATCH', path, {
          ...toEntryBody(draft),
          revision,
        });
        setTheirs(null);
        props.onChanged(saved.entry, `Saved “${saved.entry.title}”.`);
        stopEditing();
      } catch (caught) {
        if (isApiError(caught, 'edit_conflict')) {
          // Keep the person's text; fetch the newer version so they can look at it.
          setTheirs((await api.get<{ entry: FeedEntryResource }>(path)).entry);
          return;
        }
        if (isApiError(caught) && caught.fields.length > 0) {
          setProblems(toFieldProblems(caught.fields));
        }
        throw caught;
      }
    });

  const takeTheirs = () => {
    if (theirs === null) return;
    props.onChanged(theirs, 'Loaded their version; your changes are gone.');
    setDraft(toDraft(theirs));
    setBasedOn(theirs.revision);
    setTheirs(null);
    headline.current?.focus();
  };

  const setPinned = (pinned: boolean) =>
    run(async () => {
      const { entry: saved } = await api.send<{ entry: FeedEntryResource }>(
        'POST',
        `${path}/${pinned ? 'pin' : 'unpin'}`,
      );
      props.onChanged(saved, pinned ? `Pinned “${saved.title}”.` : `Unpinned “${saved.title}”.`);
    });

  const remove = () =>
    run(async () => {
      await api.send('DELETE', path);
      props.onDeleted(entry);
    });

  if (mode === 'editing') {
    return (
      <li class="feed-entry is-editing">
        <form
          aria-label={`Edit “${entry.title}”`}
          onSubmit={(event) => {
            event.preventDefault();
            void save(basedOn);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && theirs === null) {
              event.preventDefault();
              stopEditing();
              return;
            }
            if (!isSubmitShortcut(event)) return;
            event.preventDefault();
            void save(basedOn);
          }}
        >
          {theirs !== null && (
            <Notice kind="warning">
              <p>
                Someone else changed this entry while you were editing it. Nothing of yours was
                saved, and your text is still here. Their headline is “{theirs.title}”.
              </p>
              <div class="actions">
                <button type="button" onClick={takeTheirs}>
                  Load their version
                </button>
                <button type="button" onClick={() => void save(theirs.revision)}>
                  Save mine over theirs
                </button>
              </div>
            </Notice>
          )}
          {error !== null && <Notice kind="error">{error}</Notice>}
          <FeedEntryFields
            draft={draft}
            onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
            problems={problems}
            tags={props.tags}
            headlineRef={headline}
          />
          <div class="actions">
            <button type="submit" class="button-primary" disabled={busy}>
              Save
            </button>
            <button type="button" onClick={stopEditing}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li class={entry.pinned ? 'feed-entry is-pinned' : 'feed-entry'} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {entry.title}
        {entry.pinned && <span class="badge">Pinned</span>}
        {entry.key_event && <span class="badge">Key event</span>}
      </h3>
      <p class="feed-entry-meta">
        <time dateTime={entry.published_at}>{formatDateTime(entry.published_at)}</time> ·{' '}
        {entry.author.name}
        {entry.edited_at !== null && <> · Updated {formatDateTime(entry.edited_at)}</>}
        {entry.sections.length > 0 && <> · {entry.sections.map((s) => s.name).join(', ')}</>}
        {entry.post !== null && <> · Links to “{entry.post.title}”</>}
      </p>
      {entry.excerpt !== '' && <p class="feed-entry-excerpt">{entry.excerpt}</p>}
      {error !== null && <Notice kind="error">{error}</Notice>}
      {mode === 'deleting' ? (
        <div class="actions" role="group" aria-label={`Delete “${entry.title}”?`}>
          <span>Delete this entry? Open pages remove it at once.</span>
          <button
            type="button"
            class="button-primary"
            ref={confirmButton}
            disabled={busy}
            onClick={() => void remove()}
          >
            Delete the entry
          </button>
          <button
            type="button"
            onClick={() => {
              setMode('reading');
              requestAnimationFrame(() => deleteButton.current?.focus());
            }}
          >
            Keep it
          </button>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button-small"
            ref={editButton}
            onClick={startEditing}
            aria-label={`Edit: ${entry.title}`}
          >
            Edit
          </button>
          <button
            type="button"
            class="button-small"
            disabled={busy}
            onClick={() => void setPinned(!entry.pinned)}
            aria-label={`${entry.pinned ? 'Unpin' : 'Pin'}: ${entry.title}`}
          >
            {entry.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            class="button-small"
            ref={deleteButton}
            onClick={() => setMode('deleting')}
            aria-label={`Delete: ${entry.title}`}
          >
            Delete
          </button>
          <a href={entry.url} aria-label={`View on the site: ${entry.title}`}>
            View on the site
          </a>
        </div>
      )}
    </li>
  );
}
