import type { PostResource } from '../api/resources.js';
import { adminHref } from '../app/router.js';
import { NarrationStatus } from '../narration/narration-status.js';
import { useNarrations } from '../narration/use-narrations.js';
import { formatDateTime, statusLabels } from '../ui/format.js';

/** What a row of the table shows: lists ask the server for these fields only (`?fields=`). */
export const postTableFields = [
  'title',
  'status',
  'primary_tag',
  'authors',
  'published_at',
  'updated_at',
  'review',
] as const;
export type PostTableRow = Pick<PostResource, 'id' | (typeof postTableFields)[number]>;

/** Posts as a table: headline (opens the editor), status, narration, section, authors, dates. */
export function PostTable(props: {
  readonly posts: readonly PostTableRow[];
  readonly caption: string;
  readonly empty: string;
}) {
  const narrations = useNarrations(props.posts.map((post) => post.id));
  if (props.posts.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <table class="table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Narration</th>
          <th scope="col">Section</th>
          <th scope="col">Authors</th>
          <th scope="col">Published</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {props.posts.map((post) => (
          <tr key={post.id}>
            <td>
              <a href={adminHref(`/posts/${encodeURIComponent(post.id)}`)}>
                {post.title === '' ? '(no headline)' : post.title}
              </a>
              {post.review?.state === 'submitted' && <span class="badge">In review</span>}
              {post.review?.state === 'returned' && (
                <span class="badge badge-warning">Sent back</span>
              )}
            </td>
            <td data-label="Status">
              <span class={`status status-${post.status}`}>{statusLabels[post.status]}</span>
            </td>
            <td data-label="Narration">
              {narrations.state === 'ready' ? (
                <NarrationStatus
                  narration={narrations.value.get(post.id)}
                  postStatus={post.status}
                  title={post.title}
                  compact
                />
              ) : narrations.state === 'failed' ? (
                'Unknown'
              ) : (
                '…'
              )}
            </td>
            <td data-label="Section">{post.primary_tag?.name ?? '—'}</td>
            <td data-label="Authors">{post.authors.map((a) => a.name).join(', ') || '—'}</td>
            <td data-label="Published">{formatDateTime(post.published_at)}</td>
            <td data-label="Updated">{formatDateTime(post.updated_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
