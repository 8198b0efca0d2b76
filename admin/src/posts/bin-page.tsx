import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { BinnedPostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { formatDateTime, statusLabels } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';

/**
 * Deleted posts, kept 30 days: each can be restored as it was (a live post goes back on
 * the site at its old time) until a job deletes it for good.
 */
export function BinPage() {
  const { api } = useApp();
  const [bin, reload] = useResource(() => api.get<{ posts: BinnedPostResource[] }>('/bin'), 'bin');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const restore = async (post: BinnedPostResource) => {
    setBusy(true);
    try {
      await api.send('POST', `/bin/${encodeURIComponent(post.id)}/restore`);
      setMessage({
        kind: 'success',
        text: `Restored “${post.title || 'Untitled'}” as ${statusLabels[post.status_before].toLowerCase()}.`,
      });
      reload();
    } catch (error) {
      setMessage({ kind: 'error', text: toMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Bin</h1>
      <p class="lede">
        Deleted posts stay here for 30 days, off the site, then they are deleted for good.
      </p>
      {message !== null && (
        <Notice kind={message.kind}>
          {message.text}
          {message.kind === 'success' && (
            <>
              {' '}
              <a href={adminHref('/posts')}>See all posts</a>
            </>
          )}
        </Notice>
      )}
      <Loaded resource={bin} what="the bin">
        {(found) =>
          found.posts.length === 0 ? (
            <p class="empty">The bin is empty.</p>
          ) : (
            <ul class="card-list">
              {found.posts.map((post) => (
                <li key={post.id} class="card">
                  <h2>{post.title || '(no headline)'}</h2>
                  <p>
                    Was {statusLabels[post.status_before].toLowerCase()} · deleted by{' '}
                    {post.deleted_by_name},{' '}
                    <time dateTime={post.deleted_at}>{formatDateTime(post.deleted_at)}</time>
                  </p>
                  <p class="field-hint">
                    Deleted for good on{' '}
                    <time dateTime={post.purge_at}>{formatDateTime(post.purge_at)}</time>
                  </p>
                  <div class="actions">
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`Restore “${post.title || 'Untitled'}”`}
                      onClick={() => void restore(post)}
                    >
                      Restore
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
