import { useId, useState } from 'preact/hooks';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import type { PostResource, StaffUser } from '../api/resources.js';
import { Notice, TextArea } from '../ui/fields.js';
import { formatInZone, utcToZonedWallTime, zonedWallTimeToUtc } from './zoned-time.js';

export type PostAction =
  | {
      readonly kind: 'publish';
      readonly at?: Date;
      readonly freshTime?: boolean;
      /** The editor's note to the writers, kept in the post's history. */
      readonly note?: string;
    }
  | { readonly kind: 'unpublish' }
  | { readonly kind: 'apply' }
  | { readonly kind: 'discard' }
  | { readonly kind: 'submit'; readonly note: string }
  | { readonly kind: 'return'; readonly note: string };

/** Whether this person may publish this post, as the server decides it. */
export function canPublish(user: StaffUser, post: PostResource | null): boolean {
  if (hasAtLeast(user.role, 'editor')) return true;
  return (
    hasAtLeast(user.role, 'author') && (post === null || post.authors.some((a) => a.id === user.id))
  );
}

const statusText = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' } as const;

/** Status, publishing and scheduling, and the review workflow's hand-offs. */
export function PublishPanel(props: {
  readonly post: PostResource | null;
  readonly user: StaffUser;
  readonly timeZone: string;
  readonly busy: boolean;
  readonly problems: readonly string[];
  readonly onAction: (action: PostAction) => void;
}) {
  const { post, user, timeZone } = props;
  const scheduleId = useId();
  const [when, setWhen] = useState(() =>
    post?.status === 'scheduled' && post.published_at !== null
      ? utcToZonedWallTime(new Date(post.published_at), timeZone)
      : '',
  );
  const [whenError, setWhenError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const publisher = canPublish(user, post);
  const review = post?.review;
  const status = post?.status ?? 'draft';
  const pending = post?.pending_changes ?? null;
  const url = pending?.url ?? post?.url;

  const schedule = () => {
    const at = zonedWallTimeToUtc(when, timeZone);
    if (at === null || at.getTime() <= Date.now()) {
      setWhenError('Choose a date and time in the future.');
      return;
    }
    setWhenError(null);
    props.onAction({ kind: 'publish', at });
  };

  return (
    <section class="panel publish-panel" aria-labelledby="publish-title">
      <h2 id="publish-title">Publishing</h2>
      <p>
        Status: <strong class={`status status-${status}`}>{statusText[status]}</strong>
        {post?.published_at != null && status !== 'draft' && (
          <>
            {' '}
            · {formatInZone(new Date(post.published_at), timeZone)} ({timeZone})
          </>
        )}
      </p>
      {url !== undefined && (
        <p class="post-address">
          Address: <code class="final-url">{url}</code>
        </p>
      )}
      {pending !== null && (
        <Notice kind="warning">
          <p>
            <strong>Pending changes.</strong>{' '}
            {status === 'published'
              ? 'Readers still see the live article.'
              : 'The scheduled version goes out without them.'}{' '}
            Last saved by {pending.saved_by_name},{' '}
            {formatInZone(new Date(pending.saved_at), timeZone)}.
          </p>
          {publisher && (
            <div class="actions">
              <button
                type="button"
                class="button-primary"
                disabled={props.busy}
                onClick={() => props.onAction({ kind: 'apply' })}
              >
                {status === 'published' ? 'Update live article' : 'Update scheduled article'}
              </button>
              <button
                type="button"
                disabled={props.busy}
                onClick={() => props.onAction({ kind: 'discard' })}
              >
                Discard changes
              </button>
            </div>
          )}
        </Notice>
      )}
      {review?.state === 'submitted' && (
        <Notice kind="info">
          Submitted for review{review.note !== '' ? `: “${review.note}”` : '.'}
        </Notice>
      )}
      {review?.state === 'returned' && (
        <Notice kind="warning">
          Sent back by the editor{review.note !== '' ? `: “${review.note}”` : '.'}
        </Notice>
      )}
      {props.problems.length > 0 && (
        <Notice kind="error">
          <p>This post is not ready to publish:</p>
          <ul>
            {props.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Notice>
      )}
      {post === null ? (
        <p>Write a headline to save the draft; publishing comes after.</p>
      ) : publisher ? (
        <div class="stack">
          <div class="actions">
            {status !== 'published' && (
              <button
                type="button"
                class="button-primary"
                disabled={props.busy}
                onClick={() => props.onAction({ kind: 'publish' })}
              >
                Publish now
              </button>
            )}
            {status !== 'draft' && (
              <button
                type="button"
                disabled={props.busy}
                onClick={() => props.onAction({ kind: 'unpublish' })}
              >
                {status === 'scheduled' ? 'Unschedule (back to draft)' : 'Unpublish'}
              </button>
            )}
          </div>
          {status !== 'published' && (
            <div class={whenError ? 'field has-error' : 'field'}>
              <label for={scheduleId}>Publish at ({timeZone} time)</label>
              <div class="inline-form">
                <input
                  id={scheduleId}
                  type="datetime-local"
                  value={when}
                  aria-invalid={whenError ? true : undefined}
                  aria-describedby={whenError ? `${scheduleId}-error` : undefined}
                  onInput={(event) => setWhen(event.currentTarget.value)}
                />
                <button type="button" disabled={props.busy || when === ''} onClick={schedule}>
                  {status === 'scheduled' ? 'Reschedule' : 'Schedule'}
                </button>
              </div>
              {whenError && (
                <p class="field-error" id={`${scheduleId}-error`}>
                  {whenError}
                </p>
              )}
            </div>
          )}
          {review?.state === 'submitted' && (
            <div class="stack">
              <TextArea label="Note to the writer" value={note} onValue={setNote} rows={2} />
              <button
                type="button"
                disabled={props.busy || note.trim() === ''}
                onClick={() => props.onAction({ kind: 'return', note })}
              >
                Send back to the writer
              </button>
            </div>
          )}
        </div>
      ) : review?.state === 'submitted' ? (
        <p>An editor will review it. You can keep editing until then.</p>
      ) : (
        <div class="stack">
          <TextArea
            label="Note for the editor (optional)"
            value={note}
            onValue={setNote}
            rows={2}
          />
          <button
            type="button"
            class="button-primary"
            disabled={props.busy}
            onClick={() => props.onAction({ kind: 'submit', note })}
          >
            Submit for review
          </button>
        </div>
      )}
    </section>
  );
}
