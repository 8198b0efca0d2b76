import type { SaveStatus } from './autosave.js';

function describe(status: SaveStatus, pending: boolean): string {
  switch (status.kind) {
    case 'saved':
      return pending ? 'Changes saved, not live yet' : 'All changes saved';
    case 'unsaved':
      return 'Unsaved changes (kept in this browser)';
    case 'saving':
      return 'Saving…';
    case 'needs-headline':
      return 'Write a headline to save the draft';
    case 'conflict':
      return 'Not saved: someone else saved first';
    case 'invalid':
      return `Not saved: ${status.error.message}`;
    case 'offline':
      return status.message;
  }
}

/** Where the post's save stands, announced politely as it changes. */
export function SaveStatusLine({
  status,
  pending,
}: {
  readonly status: SaveStatus;
  /** The post is live and these are pending changes readers do not see yet. */
  readonly pending: boolean;
}) {
  const bad = status.kind === 'conflict' || status.kind === 'invalid' || status.kind === 'offline';
  return (
    <p
      class={bad ? 'save-status is-bad' : 'save-status'}
      role="status"
      data-save-status={status.kind}
    >
      {describe(status, pending)}
    </p>
  );
}
