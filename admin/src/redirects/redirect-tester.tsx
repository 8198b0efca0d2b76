import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { RedirectTestResult } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Notice, TextField } from '../ui/fields.js';

const outcomes: Record<RedirectTestResult['outcome'], string> = {
  page: 'A reader lands on a page.',
  not_found: 'A reader lands on “Page not found”.',
  other_site: 'A reader is sent to another site.',
  error: 'The site could not answer this path.',
};

/** The test box: where a path of the site leads a reader, hop by hop. */
export function RedirectTester() {
  const { api } = useApp();
  const [path, setPath] = useState('');
  const [result, setResult] = useState<RedirectTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      setResult(await api.send<RedirectTestResult>('POST', '/redirects/test', { path }));
      setError(null);
    } catch (caught) {
      setResult(null);
      setError(toMessage(caught));
    }
  };
  return (
    <form class="stack panel" onSubmit={(event) => void submit(event)}>
      <TextField
        label="Path to test"
        hint="Such as /2024/11/14/old-story/ or /?p=123."
        required
        value={path}
        onValue={setPath}
      />
      <div class="actions">
        <button type="submit">Test the path</button>
      </div>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <div role="status" aria-live="polite">
        {result !== null && (
          <>
            <ol class="redirect-hops">
              {result.hops.map((hop) => (
                <li key={hop.url}>
                  <code>{hop.url}</code> answers {hop.status}
                  {hop.location !== null && (
                    <>
                      {' '}
                      and leads to <code>{hop.location}</code>
                    </>
                  )}
                </li>
              ))}
            </ol>
            <p>{outcomes[result.outcome]}</p>
          </>
        )}
      </div>
    </form>
  );
}
