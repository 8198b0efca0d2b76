import { useEffect, useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { EditorsPick } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { PostSearchDialog } from '../editor/related-picker-dialog.js';
import { Notice } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { moveItem } from './move-item.js';

interface Pick {
  readonly post_id: string;
  readonly title: string;
}

/**
 * The ordered Editors' Picks. Reorder by dragging, or with the Move up / Move down
 * buttons (each move is announced); every change saves the whole list.
 */
export function EditorsPicksPage() {
  const { api } = useApp();
  const [loaded] = useResource(() => api.get<{ picks: EditorsPick[] }>('/editors-picks'), 'picks');
  const [picks, setPicks] = useState<Pick[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);

  useEffect(() => {
    if (loaded.state === 'ready') {
      setPicks(
        [...loaded.value.picks]
          .sort((a, b) => a.position - b.position)
          .map((p) => ({ post_id: p.post_id, title: p.title })),
      );
    }
  }, [loaded]);

  const save = async (next: Pick[], said: string) => {
    setPicks(next);
    setError(null);
    try {
      await api.send('PUT', '/editors-picks', { post_ids: next.map((p) => p.post_id) });
      setAnnouncement(`${said} Saved.`);
    } catch (caught) {
      setError(`${toMessage(caught)} The list on screen is not saved yet.`);
    }
  };
  const move = (from: number, to: number) => {
    if (picks === null || to < 0 || to >= picks.length || from === to) return;
    const next = moveItem(picks, from, to);
    void save(next, `Moved “${picks[from]?.title ?? ''}” to position ${to + 1} of ${next.length}.`);
    // Keep the keyboard where the moved item went.
    requestAnimationFrame(() =>
      document.getElementById(`pick-${to}-${to < from ? 'up' : 'down'}`)?.focus(),
    );
  };

  return (
    <>
      <div class="page-header">
        <h1>Editors' picks</h1>
        <button type="button" class="button-primary" onClick={() => setAdding(true)}>
          Add a pick
        </button>
      </div>
      <p class="lede">Readers see these in this order. Drag a pick, or use its Move buttons.</p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <Loaded resource={loaded} what="the editors' picks">
        {() =>
          picks === null || picks.length === 0 ? (
            <p class="empty">No picks yet.</p>
          ) : (
            <ol class="sortable">
              {picks.map((pick, index) => (
                <li
                  key={pick.post_id}
                  draggable
                  class={dragging === index ? 'is-dragging' : undefined}
                  onDragStart={(event) => {
                    setDragging(index);
                    event.dataTransfer?.setData('text/plain', String(index));
                  }}
                  onDragOver={(event) => event.preventDefault()}
                  onDrop={(event) => {
                    event.preventDefault();
                    const from = Number(event.dataTransfer?.getData('text/plain'));
                    setDragging(null);
                    if (Number.isInteger(from)) move(from, index);
                  }}
                  onDragEnd={() => setDragging(null)}
                >
                  <span class="drag-handle" aria-hidden="true">
                    ⠿
                  </span>
                  <span class="sortable-title">
                    {index + 1}. {pick.title}
                  </span>
                  <button
                    type="button"
                    class="button-small"
                    id={`pick-${index}-up`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={`Move up: ${pick.title}`}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    class="button-small"
                    id={`pick-${index}-down`}
                    disabled={index === picks.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={`Move down: ${pick.title}`}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    class="button-small"
                    onClick={() =>
                      void save(
                        picks.filter((_, i) => i !== index),
                        `Removed “${pick.title}”.`,
                      )
                    }
                    aria-label={`Remove: ${pick.title}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      {adding && (
        <PostSearchDialog
          title="Add a pick"
          excludeIds={(picks ?? []).map((p) => p.post_id)}
          onClose={() => setAdding(false)}
          onPick={(post) => {
            setAdding(false);
            void save(
              [...(picks ?? []), { post_id: post.id, title: post.title }],
              `Added “${post.title}” at the end.`,
            );
          }}
        />
      )}
    </>
  );
}
