import { useState } from 'preact/hooks';
import type { PostResource } from '../api/resources.js';
import { Dialog } from '../ui/dialog.js';
import { TextArea } from '../ui/fields.js';
import type { PostForm } from './post-form.js';
import { formatInZone } from './zoned-time.js';

/** What the summary says about when the post goes live. */
export type PublishTiming =
  | { readonly kind: 'now' }
  | { readonly kind: 'kept'; readonly at: Date }
  | { readonly kind: 'scheduled'; readonly at: Date };

/**
 * Decides the time a publish will give: a post that was live before keeps its first time
 * (the server does the same), a chosen future time schedules it.
 */
export function decidePublishTiming(post: PostResource, at: Date | undefined): PublishTiming {
  if (at !== undefined) return { kind: 'scheduled', at };
  if (post.status === 'draft' && post.published_at !== null) {
    const first = new Date(post.published_at);
    if (first.getTime() <= Date.now()) return { kind: 'kept', at: first };
  }
  return { kind: 'now' };
}

/**
 * The last look before a post goes live: its address, section, time and the checks it
 * passed. Nothing is published until the editor confirms here.
 */
export function PublishSummaryDialog(props: {
  readonly post: PostResource;
  readonly form: PostForm;
  readonly at: Date | undefined;
  readonly timeZone: string;
  readonly onConfirm: (choice: { at?: Date; freshTime: boolean; note: string }) => void;
  readonly onClose: () => void;
}) {
  const { post, form, timeZone } = props;
  const timing = decidePublishTiming(post, props.at);
  const [freshTime, setFreshTime] = useState(false);
  const [note, setNote] = useState('');
  const scheduling = timing.kind === 'scheduled';
  const section = form.tags[0];
  const images = post.body.blocks.filter((b) => b.type === 'image').length;
  return (
    <Dialog
      title={scheduling ? 'Schedule this post?' : 'Publish this post?'}
      onClose={props.onClose}
    >
      <div class="stack publish-summary">
        <p>
          <strong>“{form.title}”</strong>
        </p>
        <dl class="summary-list">
          <dt>Address</dt>
          <dd>
            <code class="final-url">{post.url}</code>
          </dd>
          <dt>Section</dt>
          <dd>{section ?? 'None: add a tag to give it a section'}</dd>
          <dt>Goes live</dt>
          <dd>
            {timing.kind === 'now' && `Now (${timeZone} time)`}
            {timing.kind === 'scheduled' &&
              `${formatInZone(timing.at, timeZone)} (${timeZone} time)`}
            {timing.kind === 'kept' &&
              (freshTime
                ? `Now (${timeZone} time): it moves to the top of the site`
                : `Keeps its first publication time, ${formatInZone(timing.at, timeZone)} (${timeZone} time)`)}
          </dd>
          <dt>Checks</dt>
          <dd>
            <ul class="check-list">
              <li>Headline written</li>
              <li>Byline: {form.authors.map((a) => a.name).join(', ')}</li>
              <li>
                {form.featureImage === null ? 'No feature image' : 'Feature image described'}
                {images > 0 && `; ${images} body ${images === 1 ? 'image' : 'images'} described`}
              </li>
              <li>
                Readers:{' '}
                {
                  { public: 'everyone', members: 'members', paid: 'paying members' }[
                    form.visibility
                  ]
                }
              </li>
            </ul>
          </dd>
        </dl>
        {timing.kind === 'kept' && (
          <label class="checkbox">
            <input
              type="checkbox"
              checked={freshTime}
              onChange={(event) => setFreshTime(event.currentTarget.checked)}
            />{' '}
            Publish with the current time instead
          </label>
        )}
        <TextArea
          label="Note to the writer (optional)"
          hint="Kept in the post's notes and e-mailed to its writers with the news."
          value={note}
          onValue={setNote}
          rows={2}
          maxLength={2000}
        />
        <div class="actions">
          <button
            type="button"
            class="button-primary"
            autoFocus
            onClick={() =>
              props.onConfirm({
                ...(props.at === undefined ? {} : { at: props.at }),
                freshTime,
                note,
              })
            }
          >
            {scheduling ? 'Schedule' : 'Publish'}
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
