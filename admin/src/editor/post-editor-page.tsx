import { useRef } from 'preact/hooks';
import type { PostResource, SiteSettingsResource, StaffUser, Tag } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { navigate } from '../app/router.js';
import type { ScreenProps } from '../app/screens.js';
import { useResource } from '../app/use-resource.js';
import { Loaded } from '../ui/loaded.js';
import { isReadOnlyFor } from '../../../src/features/content/post-delete.js';
import { PostEditor } from './post-editor.js';
import { ReadOnlyPost } from './read-only-post.js';

export interface EditorData {
  readonly post: PostResource | null;
  readonly tags: readonly Tag[];
  readonly staff: readonly StaffUser[];
  readonly timeZone: string;
}

/**
 * `/admin/posts/new` and `/admin/posts/{id}`. When a new post is first saved the address
 * becomes the post's, without starting the editor again: the person keeps typing.
 */
export function PostEditorPage({ params }: ScreenProps) {
  const { api } = useApp();
  const user = useUser();
  const wanted = params.id ?? null;
  const instance = useRef({ key: wanted ?? 'new-0', id: wanted, count: 0 });
  if (wanted !== instance.current.id) {
    const count = instance.current.count + 1;
    instance.current = { key: wanted ?? `new-${count}`, id: wanted, count };
  }
  const { key } = instance.current;

  const [data] = useResource<EditorData>(async () => {
    const [post, tags, staff, timeZone] = await Promise.all([
      wanted === null
        ? Promise.resolve(null)
        : api
            .get<{ post: PostResource }>(`/posts/${encodeURIComponent(wanted)}`)
            .then((r) => r.post),
      api.get<{ tags: Tag[] }>('/tags').then((r) => r.tags),
      api
        .get<{ staff: StaffUser[] }>('/staff')
        .then((r) => r.staff.filter((s) => s.status === 'active')),
      api.get<{ settings: SiteSettingsResource }>('/settings').then(
        (s) => s.settings.timezone,
        () => Intl.DateTimeFormat().resolvedOptions().timeZone,
      ),
    ]);
    return { post, tags, staff, timeZone };
  }, key);

  return (
    <Loaded resource={data} what="the post">
      {(loaded) =>
        loaded.post !== null &&
        // Contributors open only their own posts, so the post is theirs here.
        isReadOnlyFor(user.role, { status: loaded.post.status, isOwner: true }) ? (
          <ReadOnlyPost post={loaded.post} />
        ) : (
          <PostEditor
            key={key}
            data={loaded}
            onCreated={(id) => {
              instance.current = { ...instance.current, id };
              navigate(`/posts/${encodeURIComponent(id)}`, { replace: true });
            }}
          />
        )
      }
    </Loaded>
  );
}
