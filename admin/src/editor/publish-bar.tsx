import type { PostResource, StaffUser } from '../api/resources.js';
import type { SaveStatus } from './autosave.js';
import { canPublish, type PostAction } from './publish-panel.js';

const statusText = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' } as const;

/**
 * The editor's main action kept in reach on a phone: a bar stuck to the bottom of the
 * screen (shown only at narrow widths) with the status and the next step.
 */
export function PublishBar(props: {
  readonly post: PostResource | null;
  readonly user: StaffUser;
  readonly busy: boolean;
  readonly saveStatus: SaveStatus;
  readonly onAction: (action: PostAction) => void;
}) {
  const { post } = props;
  const status = post?.status ?? 'draft';
  const publisher = canPublish(props.user, post);
  const pending = post?.pending_changes != null;
  const saved =
    props.saveStatus.kind === 'saved'
      ? 'saved'
      : props.saveStatus.kind === 'saving' || props.saveStatus.kind === 'unsaved'
        ? 'saving…'
        : 'not saved';
  let action: { label: string; run: PostAction } | null = null;
  if (post !== null && publisher) {
    if (pending) action = { label: 'Update live', run: { kind: 'apply' } };
    else if (status !== 'published') action = { label: 'Publish…', run: { kind: 'publish' } };
  } else if (post !== null && status === 'draft' && post.review?.state !== 'submitted') {
    action = { label: 'Submit for review', run: { kind: 'submit', note: '' } };
  }
  const run = action?.run ?? { kind: 'publish' };
  return (
    <div class="publish-bar" role="region" aria-label="Publish bar">
      <span class="publish-bar-status">
        {statusText[status]}
        {pending ? ', changes pending' : ''} · {saved}
      </span>
      {action !== null && (
        <button
          type="button"
          class="button-primary"
          disabled={props.busy}
          onClick={() => props.onAction(run)}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
