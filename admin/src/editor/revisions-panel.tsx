import { useState } from 'preact/hooks';
import type { RevisionSession } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';
import { RevisionPreviewDialog } from './revision-preview-dialog.js';
import './together.css';

function timeOf(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The post's history by editing session, newest first: who, when, how many saves. Each
 * revision opens a preview with its differences marked, from which it can be restored.
 */
export function RevisionsPanel(props: {
  readonly postId: string;
  readonly revision: number;
  readonly busy: boolean;
  readonly onRestore: (revision: number) => void;
}) {
  const { api } = useApp();
  const [open, setOpen] = useState(false);
  const [previewing, setPreviewing] = useState<{ revision: number; previous: number | null }>();
  const path = `/posts/${encodeURIComponent(props.postId)}/revision-sessions`;
  const [list] = useResource(
    () =>
      open ? api.get<{ sessions: RevisionSession[] }>(path) : Promise.resolve({ sessions: [] }),
    `${path}|${open}|${props.revision}`,
  );
  return (
    <section class="panel" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide revisions' : 'Show revisions'}
      </button>
      {open && (
        <Loaded resource={list} what="revisions">
          {(found) => {
            const all = found.sessions.flatMap((s) => s.revisions.map((r) => r.revision));
            const before = (revision: number) => all.find((r) => r < revision) ?? null;
            return found.sessions.length === 0 ? (
              <p>No revisions yet.</p>
            ) : (
              <ul class="revision-sessions">
                {found.sessions.map((session, i) => (
                  <li key={session.revisions[0]?.revision ?? i}>
                    <details open={i === 0}>
                      <summary>
                        {session.saved_by_name}, {formatDateTime(session.from)}
                        {session.revisions.length > 1 ? `–${timeOf(session.to)}` : ''} (
                        {session.revisions.length}{' '}
                        {session.revisions.length === 1 ? 'save' : 'saves'})
                      </summary>
                      <ol>
                        {session.revisions.map((r) => (
                          <li key={r.revision}>
                            <span>
                              Revision {r.revision}, {timeOf(r.saved_at)}: “
                              {r.title || '(no headline)'}”
                            </span>{' '}
                            <button
                              type="button"
                              class="button-small"
                              disabled={props.busy}
                              onClick={() =>
                                setPreviewing({
                                  revision: r.revision,
                                  previous: before(r.revision),
                                })
                              }
                            >
                              Preview revision {r.revision}
                            </button>
                          </li>
                        ))}
                      </ol>
                    </details>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      )}
      {previewing !== undefined && (
        <RevisionPreviewDialog
          postId={props.postId}
          revision={previewing.revision}
          previous={previewing.previous}
          busy={props.busy}
          onClose={() => setPreviewing(undefined)}
          onRestore={() => {
            setPreviewing(undefined);
            props.onRestore(previewing.revision);
          }}
        />
      )}
    </section>
  );
}
