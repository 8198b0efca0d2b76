import type { PostNoteResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';

const kindLabel = { correction: 'Correction suggested', publish: 'Note when publishing' } as const;

/** The post's hand-offs: corrections suggested by its writers, editors' publish notes. */
export function PostNotesPanel(props: {
  readonly postId: string;
  /** A new value reads the notes again. */
  readonly version: string | number;
}) {
  const { api } = useApp();
  const [notes] = useResource(
    () =>
      api.get<{ notes: PostNoteResource[] }>(`/posts/${encodeURIComponent(props.postId)}/notes`),
    `${props.postId}:${props.version}`,
  );
  return (
    <section class="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes and corrections</h2>
      <Loaded resource={notes} what="the notes">
        {(found) =>
          found.notes.length === 0 ? (
            <p class="empty">No notes yet.</p>
          ) : (
            <ul class="note-list">
              {found.notes.map((note) => (
                <li key={note.id} class={`note note-${note.kind}`}>
                  <p class="note-meta">
                    <strong>{kindLabel[note.kind]}</strong> by {note.by_name},{' '}
                    <time dateTime={note.created_at}>{formatDateTime(note.created_at)}</time>
                  </p>
                  <p class="note-body">{note.body}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
