import { useState } from 'preact/hooks';
import { Dialog } from '../ui/dialog.js';
import { TextField } from '../ui/fields.js';

/**
 * Asks for one address. `check` returns a problem to show next to the field, or null;
 * `allowEmpty` lets an empty address through (to remove a link).
 */
export function UrlDialog(props: {
  readonly title: string;
  readonly label: string;
  readonly hint: string;
  readonly initial?: string;
  readonly submitLabel: string;
  readonly allowEmpty?: boolean;
  readonly check: (url: string) => string | null;
  readonly onSubmit: (url: string) => void;
  readonly onClose: () => void;
}) {
  const [url, setUrl] = useState(props.initial ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (trimmed === '' && props.allowEmpty === true) {
      props.onSubmit('');
      return;
    }
    const found = trimmed === '' ? 'Enter an address.' : props.check(trimmed);
    setProblem(found);
    if (found === null) props.onSubmit(trimmed);
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <TextField
          label={props.label}
          hint={props.hint}
          type="text"
          inputMode="url"
          autoFocus
          value={url}
          onValue={setUrl}
          error={problem}
        />
        <div class="actions">
          <button type="submit" class="button-primary">
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The same rule as the server's: web, e-mail, or a path on this site. */
export function checkLinkHref(href: string): string | null {
  if (href.startsWith('/') && !href.startsWith('//')) return null;
  try {
    const url = new URL(href);
    if (['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
  } catch {
    // Not a URL at all; the message below says what is accepted.
  }
  return 'Use a web address (https://…), an e-mail link (mailto:…) or a path on this site (/…).';
}
