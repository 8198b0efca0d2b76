import { useState } from 'preact/hooks';
import type { PostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Dialog } from '../ui/dialog.js';
import { TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';

/** Finds a published post by its words, for a related-article card or an editors' pick. */
export function PostSearchDialog(props: {
  readonly title: string;
  readonly excludeIds?: readonly string[];
  readonly onPick: (post: PostResource) => void;
  readonly onClose: () => void;
}) {
  const { api } = useApp();
  const [text, setText] = useState('');
  const query = new URLSearchParams({ status: 'published', limit: '10' });
  if (text.trim() !== '') query.set('q', text.trim());
  const path = `/posts?${query.toString()}`;
  const [found] = useResource(() => api.get<{ posts: PostResource[] }>(path), path);
  const exclude = new Set(props.excludeIds ?? []);

  return (
    <Dialog title={props.title} onClose={props.onClose} wide>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Search published posts" type="search" value={text} onValue={setText} />
      </form>
      <Loaded resource={found} what="posts">
        {(result) => {
          const posts = result.posts.filter((post) => !exclude.has(post.id));
          return posts.length === 0 ? (
            <p class="empty" role="status">
              No published post matches.
            </p>
          ) : (
            <ul class="pick-list" aria-label="Matching posts">
              {posts.map((post) => (
                <li key={post.id}>
                  <button type="button" class="pick-choice" onClick={() => props.onPick(post)}>
                    <strong>{post.title}</strong>
                    <span>{post.primary_tag?.name ?? ''}</span>
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </Dialog>
  );
}
