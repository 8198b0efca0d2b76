import { useId, useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { MediaResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Notice, TextField } from '../ui/fields.js';

/** Uploads one image with its alt text, caption and credit, each its own field. */
export function MediaUploadForm({
  onUploaded,
}: {
  readonly onUploaded: (media: MediaResource) => void;
}) {
  const { api } = useApp();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (file === null) {
      setError('Choose an image file first.');
      return;
    }
    const form = new FormData();
    form.set('alt', alt);
    form.set('caption', caption);
    form.set('credit', credit);
    form.set('file', file);
    setBusy(true);
    setError(null);
    try {
      onUploaded(await api.upload<MediaResource>('/media', form));
    } catch (caught) {
      setError(toMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack upload-form" onSubmit={(event) => void submit(event)}>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <div class="field">
        <label for={fileId}>Image file</label>
        <p class="field-hint" id={`${fileId}-hint`}>
          JPEG, PNG, WebP, AVIF, GIF or TIFF, up to 25 MB. Location data is removed.
        </p>
        <input
          id={fileId}
          type="file"
          accept="image/*"
          aria-describedby={`${fileId}-hint`}
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <TextField
        label="Alt text"
        hint="What the image shows, for readers who cannot see it."
        value={alt}
        onValue={setAlt}
      />
      <TextField label="Caption" value={caption} onValue={setCaption} />
      <TextField label="Credit" hint="Photographer / Agency" value={credit} onValue={setCredit} />
      <div class="actions">
        <button type="submit" class="button-primary" disabled={busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
