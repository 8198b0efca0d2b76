import { useState } from 'preact/hooks';
import { Notice } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import { toVersionText } from './conflict-dialog.js';
import { clearLocalCopy, readLocalCopy, type LocalCopy, type LocalCopyKind } from './local-copy.js';
import type { SavePayload } from './post-form.js';
import { toSavePayload } from './post-form.js';

function differs(copy: LocalCopy, current: SavePayload | null): boolean {
  if (current === null) return true;
  return (
    JSON.stringify(toSavePayload(copy.form, copy.body, copy.slugEdited)) !== JSON.stringify(current)
  );
}

/**
 * Offers work kept in this browser: changes never saved (a closed tab, a lost connection),
 * and the person's own version from an edit conflict after they took the other one.
 */
export function LocalCopyNotices(props: {
  readonly postId: string | null;
  readonly current: SavePayload | null;
  readonly baseRevision: number;
  readonly onRestore: (copy: LocalCopy, revision: number) => void;
}) {
  const [found] = useState(() => ({
    unsaved: readLocalCopy(props.postId, 'unsaved'),
    conflict: readLocalCopy(props.postId, 'conflict'),
  }));
  const [hidden, setHidden] = useState<LocalCopyKind[]>([]);
  const [copied, setCopied] = useState(false);

  const offer = (kind: LocalCopyKind, copy: LocalCopy | null) => {
    if (copy === null || hidden.includes(kind)) return null;
    if (kind === 'unsaved' && !differs(copy, props.current)) return null;
    const hide = () => setHidden((h) => [...h, kind]);
    return (
      <Notice kind="warning" key={kind}>
        <p>
          {kind === 'unsaved'
            ? `This browser has changes to this post from ${formatDateTime(copy.savedAt)} that were never saved.`
            : `Your own version from the edit conflict (${formatDateTime(copy.savedAt)}) is kept in this browser.`}
        </p>
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              hide();
              // Unsaved changes keep the revision they were based on, so a newer save is caught;
              // a conflict copy is restored on purpose, over the current revision.
              props.onRestore(copy, kind === 'unsaved' ? copy.revision : props.baseRevision);
              if (kind === 'conflict') clearLocalCopy(props.postId, 'conflict');
            }}
          >
            {kind === 'unsaved' ? 'Restore these changes' : 'Restore my version'}
          </button>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                .writeText(
                  toVersionText({
                    title: copy.form.title,
                    standfirst: copy.form.standfirst,
                    body: copy.body,
                  }),
                )
                .then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
            }
          >
            Copy the text
          </button>
          <button
            type="button"
            onClick={() => {
              hide();
              clearLocalCopy(props.postId, kind);
            }}
          >
            Discard it
          </button>
        </div>
        {copied && <p role="status">Copied to the clipboard.</p>}
      </Notice>
    );
  };

  return (
    <>
      {offer('unsaved', found.unsaved)}
      {offer('conflict', found.conflict)}
    </>
  );
}
