import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { RedirectResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Notice, SelectField, TextField } from '../ui/fields.js';

const statusChoices = [
  { value: '301', label: '301 — moved for good' },
  { value: '302', label: '302 — moved for now' },
];

/** Adds a redirect, or changes one when `redirect` is given. */
export function RedirectForm(props: {
  readonly redirect: RedirectResource | null;
  readonly onSaved: (message: string) => void;
  readonly onCancel?: () => void;
}) {
  const { api } = useApp();
  const [from, setFrom] = useState(props.redirect?.from_path ?? '');
  const [to, setTo] = useState(props.redirect?.to_url ?? '');
  const [status, setStatus] = useState(String(props.redirect?.status ?? 301));
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { from_path: from, to_url: to, status: status === '302' ? 302 : 301 };
    try {
      if (props.redirect === null) await api.send('POST', '/redirects', body);
      else await api.send('PATCH', `/redirects/${encodeURIComponent(props.redirect.id)}`, body);
      props.onSaved(
        props.redirect === null
          ? `Added the redirect from ${from}.`
          : `Saved the redirect from ${from}.`,
      );
      setError(null);
      if (props.redirect === null) {
        setFrom('');
        setTo('');
      }
    } catch (caught) {
      setError(toMessage(caught));
    }
  };
  return (
    <form class="stack panel" onSubmit={(event) => void submit(event)}>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <TextField
        label="From"
        hint="An old path of this site, such as /old-story or /?p=123."
        required
        value={from}
        onValue={setFrom}
      />
      <TextField
        label="To"
        hint="A path of this site (/new-story) or a full address (https://…)."
        required
        value={to}
        onValue={setTo}
      />
      <SelectField label="Kind" value={status} choices={statusChoices} onValue={setStatus} />
      <div class="actions">
        <button type="submit" class="button-primary">
          {props.redirect === null ? 'Add the redirect' : 'Save the redirect'}
        </button>
        {props.onCancel !== undefined && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
