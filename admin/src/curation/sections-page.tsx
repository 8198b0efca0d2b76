import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { Tag } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice, TextArea, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';

function TagForm(props: {
  readonly tag: Tag | null;
  readonly onSaved: (message: string) => void;
  readonly onCancel?: () => void;
}) {
  const { api } = useApp();
  const [name, setName] = useState(props.tag?.name ?? '');
  const [slug, setSlug] = useState(props.tag?.slug ?? '');
  const [description, setDescription] = useState(props.tag?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { name, description, ...(slug.trim() === '' ? {} : { slug: slug.trim() }) };
    try {
      if (props.tag === null) await api.send('POST', '/tags', body);
      else await api.send('PATCH', `/tags/${encodeURIComponent(props.tag.id)}`, body);
      props.onSaved(props.tag === null ? `Added “${name}”.` : `Saved “${name}”.`);
      if (props.tag === null) {
        setName('');
        setSlug('');
        setDescription('');
      }
    } catch (caught) {
      setError(toMessage(caught));
    }
  };
  return (
    <form class="stack panel" onSubmit={(event) => void submit(event)}>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <TextField label="Name" required value={name} onValue={setName} />
      <TextField
        label="Slug"
        hint="Its address: /tag/slug. Made from the name when empty."
        value={slug}
        onValue={setSlug}
      />
      <TextArea label="Description" value={description} onValue={setDescription} rows={2} />
      <div class="actions">
        <button type="submit" class="button-primary">
          {props.tag === null ? 'Add the tag' : 'Save the tag'}
        </button>
        {props.onCancel !== undefined && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** Sections and tags: a post's first tag is its section. */
export function SectionsPage() {
  const { api } = useApp();
  const [tags, reload] = useResource(() => api.get<{ tags: Tag[] }>('/tags'), 'tags');
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const done = (text: string) => {
    setMessage({ kind: 'success', text });
    setEditing(null);
    reload();
  };
  const remove = async (tag: Tag) => {
    if (!window.confirm(`Delete the tag “${tag.name}”? Posts keep their text but lose this tag.`))
      return;
    try {
      await api.send('DELETE', `/tags/${encodeURIComponent(tag.id)}`);
      done(`Deleted “${tag.name}”.`);
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };
  return (
    <>
      <h1>Sections and tags</h1>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <h2>Add a tag</h2>
      <TagForm tag={null} onSaved={done} />
      <h2>All tags</h2>
      <Loaded resource={tags} what="tags">
        {(found) =>
          found.tags.length === 0 ? (
            <p class="empty">No tags yet.</p>
          ) : (
            <ul class="card-list">
              {found.tags.map((tag) => (
                <li key={tag.id} class="card">
                  {editing === tag.id ? (
                    <TagForm tag={tag} onSaved={done} onCancel={() => setEditing(null)} />
                  ) : (
                    <>
                      <h3>{tag.name}</h3>
                      <p>
                        <a href={`/tag/${encodeURIComponent(tag.slug)}`}>/tag/{tag.slug}</a>
                        {tag.description !== '' && ` · ${tag.description}`}
                      </p>
                      <div class="actions">
                        <button
                          type="button"
                          class="button-small"
                          onClick={() => setEditing(tag.id)}
                        >
                          Edit {tag.name}
                        </button>
                        <button type="button" class="button-small" onClick={() => void remove(tag)}>
                          Delete {tag.name}
                        </button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
