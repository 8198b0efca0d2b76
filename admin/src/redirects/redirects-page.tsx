import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { RedirectResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { RedirectForm } from './redirect-form.js';
import { RedirectTester } from './redirect-tester.js';

type Message = { kind: 'success' | 'error'; text: string };

function ImportForm(props: { readonly onDone: (message: Message) => void }) {
  const { api } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (file === null) return;
    try {
      const result = await api.send<{ created: number; replaced: number }>(
        'POST',
        '/redirects/import',
        { csv: await file.text() },
      );
      props.onDone({
        kind: 'success',
        text: `Imported ${result.created} new redirect${result.created === 1 ? '' : 's'} and replaced ${result.replaced}.`,
      });
    } catch (caught) {
      props.onDone({ kind: 'error', text: toMessage(caught) });
    }
  };
  return (
    <form class="stack panel" onSubmit={(event) => void submit(event)}>
      <div class="field">
        <label for="redirects-csv">CSV file</label>
        <p class="field-hint" id="redirects-csv-hint">
          Lines of from,to,status — the file the export gives. A line replaces the redirect from the
          same path; one bad line and nothing is imported.
        </p>
        <input
          id="redirects-csv"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="redirects-csv-hint"
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <div class="actions">
        <button type="submit" disabled={file === null}>
          Import the file
        </button>
        <a class="button" href="/api/admin/redirects/export" download="redirects.csv">
          Export all as CSV
        </a>
      </div>
    </form>
  );
}

/** Redirects: old paths of the site and where they now lead. */
export function RedirectsPage() {
  const { api } = useApp();
  const [redirects, reload] = useResource(
    () => api.get<{ redirects: RedirectResource[] }>('/redirects'),
    'redirects',
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const done = (next: Message) => {
    setMessage(next);
    setEditing(null);
    reload();
  };
  const remove = async (redirect: RedirectResource) => {
    if (!window.confirm(`Delete the redirect from ${redirect.from_path}?`)) return;
    try {
      await api.send('DELETE', `/redirects/${encodeURIComponent(redirect.id)}`);
      done({ kind: 'success', text: `Deleted the redirect from ${redirect.from_path}.` });
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };
  return (
    <>
      <h1>Redirects</h1>
      <p>
        Old links keep working: a path with a trailing slash and a dated WordPress link find their
        article by themselves. Add a redirect for anything else.
      </p>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <h2>Test a path</h2>
      <RedirectTester />
      <h2>Add a redirect</h2>
      <RedirectForm redirect={null} onSaved={(text) => done({ kind: 'success', text })} />
      <h2>Import and export</h2>
      <ImportForm onDone={done} />
      <h2>All redirects</h2>
      <Loaded resource={redirects} what="redirects">
        {(found) =>
          found.redirects.length === 0 ? (
            <p class="empty">No redirects yet.</p>
          ) : (
            <ul class="card-list">
              {found.redirects.map((redirect) => (
                <li key={redirect.id} class="card">
                  {editing === redirect.id ? (
                    <RedirectForm
                      redirect={redirect}
                      onSaved={(text) => done({ kind: 'success', text })}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <>
                      <h3>
                        <code>{redirect.from_path}</code>
                      </h3>
                      <p>
                        {redirect.status} to <code>{redirect.to_url}</code>
                      </p>
                      <div class="actions">
                        <button
                          type="button"
                          class="button-small"
                          onClick={() => setEditing(redirect.id)}
                        >
                          Edit the redirect from {redirect.from_path}
                        </button>
                        <button
                          type="button"
                          class="button-small"
                          onClick={() => void remove(redirect)}
                        >
                          Delete the redirect from {redirect.from_path}
                        </button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
