import { useState } from 'preact/hooks';
import { canDeletePost } from '../../../src/features/content/post-delete.js';
import { toMessage } from '../api/api-client.js';
import type { PostResource, StaffUser } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { navigate } from '../app/router.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { Notice } from '../ui/fields.js';

/**
 * "Delete post" for those the staff role rules allow (`canDeletePost`), after a dialog
 * that names the post. The post goes to the bin for 30 days; the CMS then shows the bin.
 */
export function DeletePostButton(props: {
  readonly post: PostResource;
  readonly user: StaffUser;
  /** Saves what is typed first, so nothing is sent after the post is gone. */
  readonly beforeDelete: () => Promise<unknown>;
}) {
  const { api } = useApp();
  const { post } = props;
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Contributors and authors open only their own posts, so an open post is theirs.
  if (!canDeletePost(props.user.role, { status: post.status, isOwner: true })) return null;
  const title = post.title.trim() === '' ? 'Untitled post' : post.title;

  const remove = async () => {
    setAsking(false);
    try {
      await props.beforeDelete();
      await api.send('DELETE', `/posts/${encodeURIComponent(post.id)}`);
      navigate('/bin');
    } catch (failure) {
      setError(toMessage(failure));
    }
  };

  return (
    <section class="panel danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete</h2>
      <p class="field-hint">
        A deleted post goes to the bin, off the site, and can be restored for 30 days.
      </p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <button type="button" class="button-danger" onClick={() => setAsking(true)}>
        Delete post
      </button>
      {asking && (
        <ConfirmDialog
          title={`Delete “${title}”?`}
          confirmLabel="Move to the bin"
          onConfirm={() => void remove()}
          onClose={() => setAsking(false)}
        >
          <p>
            “{title}” goes to the bin
            {post.status === 'published' ? ' and comes off the site at once' : ''}. You can restore
            it from the bin for 30 days; then it is deleted for good.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
