import { useState } from 'preact/hooks';
import { isApiError, toMessage } from '../api/api-client.js';
import type { MediaResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import { Notice, TextField } from '../ui/fields.js';
import { MediaUploadForm } from './media-upload-form.js';
import { useMediaPages } from './use-media-pages.js';

function MediaDetails(props: {
  readonly media: MediaResource;
  readonly onSaved: (media: MediaResource) => void;
  readonly onDeleted: () => void;
}) {
  const { api, user } = useApp();
  const isEditor = user !== null && hasAtLeast(user.role, 'editor');
  // Set when the server refused because the image is in use; editors may then confirm.
  const [inUse, setInUse] = useState<string | null>(null);
  const [alt, setAlt] = useState(props.media.alt);
  const [caption, setCaption] = useState(props.media.caption);
  const [credit, setCredit] = useState(props.media.credit);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const path = `/media/${encodeURIComponent(props.media.id)}`;
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      props.onSaved(await api.send<MediaResource>('PATCH', path, { alt, caption, credit }));
      setMessage({ kind: 'success', text: 'Saved.' });
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };
  const remove = async (force: boolean) => {
    if (!force && !window.confirm(`Delete ${props.media.original_name}?`)) return;
    try {
      await api.send('DELETE', force ? `${path}?force=true` : path);
      props.onDeleted();
    } catch (caught) {
      if (isApiError(caught, 'media_in_use')) {
        setMessage(null);
        setInUse(caught.message);
        return;
      }
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };
  return (
    <section class="panel" aria-labelledby="media-details-title">
      <h2 id="media-details-title">{props.media.original_name}</h2>
      <img class="media-large" src={props.media.rendition.src} alt="" />
      <p>
        {props.media.width} × {props.media.height} pixels
      </p>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      {inUse !== null && (
        <div class="stack">
          <Notice kind="warning">{inUse}</Notice>
          {isEditor && (
            <div class="actions">
              <button type="button" onClick={() => void remove(true)}>
                Delete it anyway
              </button>
              <button type="button" onClick={() => setInUse(null)}>
                Keep the image
              </button>
            </div>
          )}
        </div>
      )}
      <form class="stack" onSubmit={(event) => void save(event)}>
        <TextField label="Alt text" value={alt} onValue={setAlt} />
        <TextField label="Caption" value={caption} onValue={setCaption} />
        <TextField label="Credit" value={credit} onValue={setCredit} />
        <div class="actions">
          <button type="submit" class="button-primary">
            Save
          </button>
          <button type="button" onClick={() => void remove(false)}>
            Delete the image
          </button>
        </div>
      </form>
    </section>
  );
}

/** Every image, newest first: upload, describe (alt, caption, credit) and delete. */
export function MediaLibraryPage() {
  const pages = useMediaPages();
  const [selected, setSelected] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const chosen = pages.items.find((m) => m.id === selected) ?? null;
  return (
    <>
      <div class="page-header">
        <h1>Media library</h1>
        <button
          type="button"
          class="button-primary"
          aria-expanded={uploading}
          onClick={() => setUploading(!uploading)}
        >
          Upload an image
        </button>
      </div>
      {uploading && (
        <MediaUploadForm
          onUploaded={(media) => {
            pages.prepend(media);
            setSelected(media.id);
            setUploading(false);
          }}
        />
      )}
      {pages.error !== null && <Notice kind="error">{pages.error}</Notice>}
      <div class="media-layout">
        <ul class="media-grid" aria-label="Images">
          {pages.items.map((media) => (
            <li key={media.id}>
              <button
                type="button"
                class="media-choice"
                aria-pressed={media.id === selected}
                onClick={() => setSelected(media.id)}
              >
                <img src={media.rendition.src} alt="" loading="lazy" />
                <span>{media.alt === '' ? media.original_name : media.alt}</span>
              </button>
            </li>
          ))}
        </ul>
        {chosen !== null && (
          <MediaDetails
            key={chosen.id}
            media={chosen}
            onSaved={pages.replace}
            onDeleted={() => {
              pages.remove(chosen.id);
              setSelected(null);
            }}
          />
        )}
      </div>
      {pages.loading && <p role="status">Loading images…</p>}
      {!pages.loading && pages.items.length === 0 && <p class="empty">No images yet.</p>}
      {pages.hasMore && (
        <button type="button" onClick={pages.loadMore} disabled={pages.loading}>
          Show more images
        </button>
      )}
    </>
  );
}
