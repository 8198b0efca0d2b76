import { hasAtLeast } from '../../../src/features/staff/role.js';
import type { PostResource, PostStatus } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { MemberCounts } from '../members/member-counts.js';
import { Loaded } from '../ui/loaded.js';
import { PostTable } from './post-table.js';

function PostGroup(props: {
  readonly status: PostStatus;
  readonly title: string;
  readonly empty: string;
}) {
  const { api } = useApp();
  const path = `/posts?status=${props.status}&limit=5`;
  const [posts] = useResource(() => api.get<{ posts: PostResource[] }>(path), path);
  return (
    <section class="panel" aria-labelledby={`group-${props.status}`}>
      <h2 id={`group-${props.status}`}>{props.title}</h2>
      <Loaded resource={posts} what={props.title.toLowerCase()}>
        {(found) => <PostTable posts={found.posts} caption={props.title} empty={props.empty} />}
      </Loaded>
      <p>
        <a href={adminHref(`/posts?status=${props.status}`)}>All {props.title.toLowerCase()}</a>
      </p>
    </section>
  );
}

/** Drafts, scheduled and recently published posts; contributors see only their own. */
export function DashboardPage() {
  const user = useUser();
  return (
    <>
      <div class="page-header">
        <h1>Dashboard</h1>
        <a class="button button-primary" href={adminHref('/posts/new')}>
          Write a new post
        </a>
      </div>
      {!hasAtLeast(user.role, 'editor') && (
        <p class="lede">You see the posts you write or are credited on.</p>
      )}
      {hasAtLeast(user.role, 'editor') && <MemberCounts />}
      <PostGroup
        status="draft"
        title="Drafts"
        empty="No drafts. Start one with “Write a new post”."
      />
      <PostGroup status="scheduled" title="Scheduled" empty="Nothing is scheduled." />
      <PostGroup status="published" title="Recently published" empty="Nothing is published yet." />
    </>
  );
}
