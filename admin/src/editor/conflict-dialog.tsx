import { useState } from 'preact/hooks';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import { bodyToPlainText } from '../../../src/features/content/body/body-to-text.js';
import type { PostResource } from '../api/resources.js';
import { Dialog } from '../ui/dialog.js';
import { formatDateTime } from '../ui/format.js';

export interface Version {
  readonly title: string;
  readonly standfirst: string;
  readonly body: BodyDocument;
}

/** A version as text a person can read, compare and paste somewhere else. */
export function toVersionText(version: Version): string {
  return [version.title, version.standfirst, bodyToPlainText(version.body)]
    .filter((s) => s !== '')
    .join('\n\n');
}

function VersionColumn(props: { readonly heading: string; readonly version: Version }) {
  return (
    <section class="version" aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <p class="version-title">{props.version.title || '(no headline)'}</p>
      {props.version.standfirst !== '' && (
        <p class="version-standfirst">{props.version.standfirst}</p>
      )}
      <div class="version-body">{bodyToPlainText(props.version.body)}</div>
    </section>
  );
}

/** Their saved version next to this person's unsaved one, with ways to keep either. */
export function ConflictDialog(props: {
  readonly theirs: PostResource;
  readonly mine: Version;
  readonly onUseTheirs: () => void;
  readonly onKeepMine: () => void;
  readonly onClose: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toVersionText(props.mine));
      setCopied('Your text is on the clipboard.');
    } catch {
      setCopied(
        'The browser did not allow copying. Select your text in the right-hand column and copy it.',
      );
    }
  };
  return (
    <Dialog title="Their version and yours" onClose={props.onClose} wide>
      <p>
        Saved as revision {props.theirs.revision} on {formatDateTime(props.theirs.updated_at)}.
        Nothing is lost whichever you choose: the server keeps every saved revision, and this
        browser keeps your version.
      </p>
      <div class="versions">
        <VersionColumn heading="Their saved version" version={props.theirs} />
        <VersionColumn heading="Your unsaved version" version={props.mine} />
      </div>
      {copied !== null && <p role="status">{copied}</p>}
      <div class="actions">
        <button type="button" onClick={() => void copy()}>
          Copy my text
        </button>
        <button type="button" onClick={props.onUseTheirs}>
          Use their version (keep mine in this browser)
        </button>
        <button type="button" class="button-primary" onClick={props.onKeepMine}>
          Keep mine and save it over theirs
        </button>
      </div>
    </Dialog>
  );
}
