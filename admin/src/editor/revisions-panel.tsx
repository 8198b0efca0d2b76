import { useState } from 'preact/hooks';
import type { RevisionSummary } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';

/** The saved revisions of the post, newest first, each restorable. */
export function RevisionsPanel(props: {
  readonly postId: string;
  readonly revision: number;
  readonly busy: boolean;
  readonly onRestore: (revision: number) => void;
}) {
  const { api } = useApp();
  const [open, setOpen] = useState(false);
  const path = `/posts/${encodeURIComponent(props.postId)}/revisions`;
  const [list] = useResource(
    () =>
      open ? api.get<{ revisions: RevisionSummary[] }>(path) : Promise.resolve({ revisions: [] }),
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
          {(found) => (
            <ol class="revision-list" reversed>
              {[...found.revisions]
                .sort((a, b) => b.revision - a.revision)
                .map((r) => (
                  <li key={r.revision}>
                    <span>
                      Revision {r.revision}: “{r.title || '(no headline)'}”,{' '}
                      {formatDateTime(r.saved_at)}
                    </span>
                    <button
                      type="button"
                      class="button-small"
                      disabled={props.busy}
                      onClick={() => props.onRestore(r.revision)}
                    >
                      Restore revision {r.revision}
                    </button>
                  </li>
                ))}
            </ol>
          )}
        </Loaded>
      )}
    </section>
  );
}
