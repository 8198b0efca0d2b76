import { useState } from 'preact/hooks';
import { MediaPickerDialog } from '../media/media-picker-dialog.js';
import { TextField } from '../ui/fields.js';
import type { FeatureImageForm } from './post-form.js';

/** The image at the top of the article, with its own alt text, caption and credit. */
export function FeatureImageField(props: {
  readonly value: FeatureImageForm | null;
  readonly altError: string | null;
  readonly onChange: (value: FeatureImageForm | null) => void;
}) {
  const [picking, setPicking] = useState(false);
  const image = props.value;
  const set = (changes: Partial<FeatureImageForm>) =>
    image !== null && props.onChange({ ...image, ...changes });
  return (
    <fieldset class="picker">
      <legend>Feature image</legend>
      {image === null ? (
        <p class="empty">No feature image.</p>
      ) : (
        <div class="feature-image">
          {image.url !== null && <img src={image.url} alt="" />}
          <div class="stack">
            <TextField
              label="Feature image alt text"
              hint="What the image shows, for readers who cannot see it."
              value={image.alt}
              onValue={(alt) => set({ alt })}
              error={props.altError}
            />
            <TextField
              label="Feature image caption"
              value={image.caption}
              onValue={(caption) => set({ caption })}
            />
            <TextField
              label="Feature image credit"
              value={image.credit}
              onValue={(credit) => set({ credit })}
            />
          </div>
        </div>
      )}
      <div class="actions">
        <button type="button" class="button-small" onClick={() => setPicking(true)}>
          {image === null ? 'Choose a feature image' : 'Replace the feature image'}
        </button>
        {image !== null && (
          <button type="button" class="button-small" onClick={() => props.onChange(null)}>
            Remove the feature image
          </button>
        )}
      </div>
      {picking && (
        <MediaPickerDialog
          title="Feature image"
          onClose={() => setPicking(false)}
          onPick={(media) => {
            setPicking(false);
            props.onChange({
              mediaId: media.id,
              url: media.rendition.src,
              alt: media.alt,
              caption: media.caption,
              credit: media.credit,
            });
          }}
        />
      )}
    </fieldset>
  );
}
