import { hasAtLeast } from '../../../src/features/staff/role.js';
import type { DeskResource, FeedEntryResource, PostStatus } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { MemberCounts } from '../members/member-counts.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';
import { PostTable, postTableFields, type PostTableRow } from './post-table.js';

function PostGroup(props: {
  readonly status: PostStatus;
  readonly title: string;
  readonly empty: string;
  readonly id: string;
  /** Only this author's posts. */
  readonly authorId?: string;
}) {
  const { api } = useApp();
  const mine = props.authorId === undefined ? '' : `&author=${encodeURIComponent(props.authorId)}`;
  const path = `/posts?status=${props.status}&limit=5${mine}&fields=${postTableFields.join(',')}`;
  const [posts] = useResource(() => api.get<{ posts: PostTableRow[] }>(path), path);
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Loaded resource={posts} what={props.title.toLowerCase()}>
        {(found) => <PostTable posts={found.posts} caption={props.title} empty={props.empty} />}
      </Loaded>
      <p>
        <a href={adminHref(`/posts?status=${props.status}${mine}`)}>
          All {props.title.toLowerCase()}
        </a>
      </p>
    </section>
  );
}

/** The queue's size and its oldest draft, for editors. */
function ReviewWaiting(props: { readonly review: NonNullable<DeskResource['review']> }) {
  const { count, oldest } = props.review;
  return (
    <section class="panel desk-review" aria-labelledby="desk-review">
      <h2 id="desk-review">Waiting for review</h2>
      {count === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <>
          <p class="desk-count">
            <strong data-review-count={count}>{count}</strong>{' '}
            {count === 1 ? 'draft waits' : 'drafts wait'} for an editor.
          </p>
          {oldest !== null && (
            <p>
              Oldest:{' '}
              <a href={adminHref(`/posts/${encodeURIComponent(oldest.id)}`)}>
                {oldest.title || '(no headline)'}
              </a>
              , submitted <time dateTime={oldest.since}>{formatDateTime(oldest.since)}</time>
            </p>
          )}
        </>
      )}
      <p>
        <a href={adminHref('/review')}>Open the review queue</a>
      </p>
    </section>
  );
}

function Upcoming(props: { readonly desk: DeskResource }) {
  const { desk } = props;
  return (
    <section class="panel" aria-labelledby="desk-upcoming">
      <h2 id="desk-upcoming">Going out in the next 24 hours</h2>
      <p class="field-hint">Times in {desk.time_zone} (the site’s time zone).</p>
      {desk.upcoming.length === 0 ? (
        <p class="empty">Nothing is scheduled for the next 24 hours.</p>
      ) : (
        <ul class="desk-list">
          {desk.upcoming.map((post) => (
            <li key={post.id}>
              <time dateTime={post.published_at}>{formatDateTime(post.published_at)}</time>{' '}
              <a href={adminHref(`/posts/${encodeURIComponent(post.id)}`)}>
                {post.title || '(no headline)'}
              </a>
              {post.section !== null && <span class="badge">{post.section}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LatestFeed() {
  const { api } = useApp();
  const [feed] = useResource(
    () => api.get<{ entries: FeedEntryResource[] }>('/feed?limit=5'),
    'desk-feed',
  );
  return (
    <section class="panel" aria-labelledby="desk-feed">
      <h2 id="desk-feed">Latest in the news feed</h2>
      <Loaded resource={feed} what="the news feed">
        {(found) =>
          found.entries.length === 0 ? (
            <p class="empty">The news feed is empty.</p>
          ) : (
            <ul class="desk-list">
              {found.entries.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.published_at}>{formatDateTime(entry.published_at)}</time>{' '}
                  {entry.title}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <p>
        <a href={adminHref('/news-feed')}>Open the news feed</a>
      </p>
    </section>
  );
}

/**
 * The newsroom's morning: what waits for review, what goes out in the next 24 hours (in
 * the site's time zone), the latest feed entries and the person's own drafts.
 */
export function DashboardPage() {
  const { api } = useApp();
  const user = useUser();
  const editor = hasAtLeast(user.role, 'editor');
  const [desk] = useResource(() => api.get<DeskResource>('/desk'), 'desk');
  return (
    <>
      <div class="page-header">
        <h1>Dashboard</h1>
        <a class="button button-primary" href={adminHref('/posts/new')}>
          Write a new post
        </a>
      </div>
      {!editor && <p class="lede">You see the posts you write or are credited on.</p>}
      <div class="desk-grid">
        <Loaded resource={desk} what="the day ahead">
          {(found) => (
            <>
              {found.review !== null && <ReviewWaiting review={found.review} />}
              <Upcoming desk={found} />
            </>
          )}
        </Loaded>
        {editor && <LatestFeed />}
      </div>
      <PostGroup
        id="desk-drafts"
        status="draft"
        title="My drafts"
        authorId={user.id}
        empty="No drafts. Start one with “Write a new post”."
      />
      {editor && <MemberCounts />}
      <PostGroup
        id="desk-published"
        status="published"
        title="Recently published"
        empty="Nothing is published yet."
      />
    </>
  );
}
