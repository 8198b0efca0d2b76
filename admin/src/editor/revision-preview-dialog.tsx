import { useState } from 'preact/hooks';
import { bodyToPlainText } from '../../../src/features/content/body/body-to-text.js';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import type { PostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Dialog } from '../ui/dialog.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';
import { editedVersion } from './post-form.js';
import { WordDiff } from './word-diff.js';
import './together.css';

interface Text {
  readonly title: string;
  readonly standfirst: string;
  readonly body: BodyDocument;
}

interface RevisionText extends Text {
  readonly revision: number;
  readonly saved_by_name: string;
  readonly saved_at: string;
}

type Against = 'current' | 'previous';

/**
 * One revision as it reads, with the words that differ from the current version (or from
 * the revision before it) marked, and the way to restore it.
 */
export function RevisionPreviewDialog(props: {
  readonly postId: string;
  readonly revision: number;
  readonly previous: number | null;
  readonly busy: boolean;
  readonly onClose: () => void;
  readonly onRestore: () => void;
}) {
  const { api } = useApp();
  const [against, setAgainst] = useState<Against>('current');
  const base = `/posts/${encodeURIComponent(props.postId)}`;
  const revisionText = (n: number) =>
    api.get<{ revision: RevisionText }>(`${base}/revisions/${n}`).then((r) => r.revision);
  const [texts] = useResource(async () => {
    const shown = await revisionText(props.revision);
    const other: Text | null =
      against === 'previous'
        ? props.previous === null
          ? null
          : await revisionText(props.previous)
        : editedVersion((await api.get<{ post: PostResource }>(base)).post);
    return { shown, other };
  }, `${props.revision}|${against}`);

  return (
    <Dialog title={`Revision ${props.revision}`} onClose={props.onClose} wide>
      <fieldset class="field-clash-choice">
        <legend>Mark the differences from</legend>
        <label>
          <input
            type="radio"
            name="diff-against"
            checked={against === 'current'}
            onChange={() => setAgainst('current')}
          />{' '}
          the current version
        </label>
        {props.previous !== null && (
          <label>
            <input
              type="radio"
              name="diff-against"
              checked={against === 'previous'}
              onChange={() => setAgainst('previous')}
            />{' '}
            the revision before it ({props.previous})
          </label>
        )}
      </fieldset>
      <Loaded resource={texts} what="the revision">
        {({ shown, other }) => {
          const from = other ?? { title: '', standfirst: '', body: { version: 1, blocks: [] } };
          return (
            <div class="revision-preview">
              <p>
                Saved by {shown.saved_by_name} on {formatDateTime(shown.saved_at)}. Words this
                revision adds are underlined; words it removes are struck through.
              </p>
              <h3>Headline</h3>
              <p class="field-clash-value">
                <WordDiff before={from.title} after={shown.title} />
              </p>
              <h3>Standfirst</h3>
              <p class="field-clash-value">
                <WordDiff before={from.standfirst} after={shown.standfirst} />
              </p>
              <h3>Body</h3>
              <p class="field-clash-value">
                <WordDiff before={bodyToPlainText(from.body)} after={bodyToPlainText(shown.body)} />
              </p>
            </div>
          );
        }}
      </Loaded>
      <div class="actions">
        <button
          type="button"
          class="button-primary"
          disabled={props.busy}
          onClick={props.onRestore}
        >
          Restore revision {props.revision}
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
