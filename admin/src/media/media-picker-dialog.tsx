import { useState } from 'preact/hooks';
import type { MediaResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Dialog } from '../ui/dialog.js';
import { Loaded } from '../ui/loaded.js';
import { MediaUploadForm } from './media-upload-form.js';

/** Picks an image: upload a new one, or choose from the library. */
export function MediaPickerDialog(props: {
  readonly title: string;
  readonly onPick: (media: MediaResource) => void;
  readonly onClose: () => void;
}) {
  const { api } = useApp();
  const [tab, setTab] = useState<'upload' | 'library'>('upload');
  const [library] = useResource(
    () => api.get<{ media: MediaResource[] }>('/media?limit=48'),
    tab === 'library' ? 'library' : 'idle',
  );

  return (
    <Dialog title={props.title} onClose={props.onClose} wide>
      <div class="segmented" role="group" aria-label="Where the image comes from">
        <button type="button" aria-pressed={tab === 'upload'} onClick={() => setTab('upload')}>
          Upload a new image
        </button>
        <button type="button" aria-pressed={tab === 'library'} onClick={() => setTab('library')}>
          Choose from the library
        </button>
      </div>
      {tab === 'upload' ? (
        <MediaUploadForm onUploaded={props.onPick} />
      ) : (
        <Loaded resource={library} what="the media library">
          {(found) =>
            found.media.length === 0 ? (
              <p class="empty">The library is empty. Upload an image first.</p>
            ) : (
              <ul class="media-grid">
                {found.media.map((media) => (
                  <li key={media.id}>
                    <button type="button" class="media-choice" onClick={() => props.onPick(media)}>
                      <img src={media.rendition.src} alt="" loading="lazy" />
                      <span>{media.alt === '' ? media.original_name : media.alt}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </Dialog>
  );
}
