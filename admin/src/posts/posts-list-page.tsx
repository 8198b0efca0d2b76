import { hasAtLeast } from '../../../src/features/staff/role.js';
import type { StaffUser, Tag } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { adminHref, navigate } from '../app/router.js';
import type { ScreenProps } from '../app/screens.js';
import { useResource } from '../app/use-resource.js';
import { SelectField, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { PostTable, postTableFields, type PostTableRow } from './post-table.js';
import { isPostSort, postSorts, sortPosts } from './post-sorting.js';

const pageSize = 25;
const filterNames = ['status', 'tag', 'author', 'q'] as const;

/** All posts the user may see, filtered by status, section, author and text, in pages. */
export function PostsListPage({ query }: ScreenProps) {
  const { api } = useApp();
  const user = useUser();
  const page = Math.max(Number(query.get('page') ?? '1') || 1, 1);
  const sortParam = query.get('sort') ?? 'updated';
  const sort = isPostSort(sortParam) ? sortParam : 'updated';
  const apiQuery = new URLSearchParams({
    limit: String(pageSize),
    page: String(page),
    sort,
    fields: postTableFields.join(','),
  });
  for (const name of filterNames) {
    const value = query.get(name);
    if (value !== null && value !== '') apiQuery.set(name, value);
  }
  const path = `/posts?${apiQuery.toString()}`;
  const [posts] = useResource(() => api.get<{ posts: PostTableRow[] }>(path), path);
  const [tags] = useResource(() => api.get<{ tags: Tag[] }>('/tags'), 'tags');
  const [staff] = useResource(() => api.get<{ staff: StaffUser[] }>('/staff'), 'staff');

  const change = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value === '') next.delete(name);
    else next.set(name, value);
    if (name !== 'page') next.delete('page');
    const search = next.toString();
    navigate(`/posts${search === '' ? '' : `?${search}`}`, { replace: true });
  };
  const pageHref = (n: number) => {
    const next = new URLSearchParams(query);
    next.set('page', String(n));
    return adminHref(`/posts?${next.toString()}`);
  };

  return (
    <>
      <div class="page-header">
        <h1>Posts</h1>
        <a class="button button-primary" href={adminHref('/posts/new')}>
          Write a new post
        </a>
      </div>
      <form
        class="filters"
        role="search"
        aria-label="Filter posts"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Status"
          value={query.get('status') ?? ''}
          choices={[
            { value: '', label: 'Any status' },
            { value: 'draft', label: 'Drafts' },
            { value: 'scheduled', label: 'Scheduled' },
            { value: 'published', label: 'Published' },
          ]}
          onValue={(v) => change('status', v)}
        />
        <SelectField
          label="Section or tag"
          value={query.get('tag') ?? ''}
          choices={[
            { value: '', label: 'Any' },
            ...(tags.state === 'ready'
              ? tags.value.tags.map((t) => ({ value: t.slug, label: t.name }))
              : []),
          ]}
          onValue={(v) => change('tag', v)}
        />
        {hasAtLeast(user.role, 'editor') && (
          <SelectField
            label="Author"
            value={query.get('author') ?? ''}
            choices={[
              { value: '', label: 'Anyone' },
              ...(staff.state === 'ready'
                ? staff.value.staff.map((s) => ({ value: s.slug, label: s.name }))
                : []),
            ]}
            onValue={(v) => change('author', v)}
          />
        )}
        <TextField
          label="Text"
          type="search"
          value={query.get('q') ?? ''}
          onValue={(v) => change('q', v)}
        />
        <SelectField
          label="Sort"
          value={sort}
          choices={postSorts}
          onValue={(v) => change('sort', v)}
        />
      </form>
      <Loaded resource={posts} what="posts">
        {(found) => (
          <>
            <p class="result-count" role="status">
              {found.posts.length === 0
                ? 'No posts match.'
                : `Page ${page}: ${found.posts.length} posts.`}
            </p>
            <PostTable posts={sortPosts(found.posts, sort)} caption="Posts" empty="" />
            <nav class="pager" aria-label="Pages of posts">
              {page > 1 && <a href={pageHref(page - 1)}>Previous page</a>}
              {found.posts.length === pageSize && <a href={pageHref(page + 1)}>Next page</a>}
            </nav>
          </>
        )}
      </Loaded>
    </>
  );
}
