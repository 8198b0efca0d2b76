import type { PostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';

/** What a card of the queue shows: the queue asks the server for these fields only. */
const queueFields = ['title', 'authors', 'review'] as const;

/** Posts that writers submitted for review, oldest first; opening one opens the editor. */
export function ReviewQueuePage() {
  const { api } = useApp();
  const [queue] = useResource(
    () =>
      api.get<{ posts: Pick<PostResource, 'id' | (typeof queueFields)[number]>[] }>(
        `/posts?review=submitted&limit=100&fields=${queueFields.join(',')}`,
      ),
    'review',
  );
  return (
    <>
      <h1>Review queue</h1>
      <p class="lede">Open a post to read it, leave a note, and publish it or send it back.</p>
      <Loaded resource={queue} what="the review queue">
        {(found) => {
          // Filtered here too, in case the server ignores the `review` filter.
          const posts = found.posts
            .filter((post) => post.review?.state === 'submitted')
            .sort((a, b) => (a.review?.at ?? '').localeCompare(b.review?.at ?? ''));
          return posts.length === 0 ? (
            <p class="empty">Nothing is waiting for review.</p>
          ) : (
            <ul class="card-list">
              {posts.map((post) => (
                <li key={post.id} class="card">
                  <h2>
                    <a href={adminHref(`/posts/${encodeURIComponent(post.id)}`)}>
                      {post.title || '(no headline)'}
                    </a>
                  </h2>
                  <p>
                    By {post.authors.map((a) => a.name).join(', ') || 'nobody yet'} · submitted{' '}
                    {formatDateTime(post.review?.at ?? null)}
                  </p>
                  {post.review?.note !== undefined && post.review.note !== '' && (
                    <p>Note: “{post.review.note}”</p>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}
