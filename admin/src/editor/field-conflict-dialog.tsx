import { useState } from 'preact/hooks';
import { bodyToPlainText } from '../../../src/features/content/body/body-to-text.js';
import { Dialog } from '../ui/dialog.js';
import { clashLabels, type ClashField, type Side } from './field-merge.js';
import { WordDiff } from './word-diff.js';
import './together.css';

/** A field's value as text a person can compare. */
export function fieldText(side: Side, field: ClashField): string {
  const { form } = side;
  switch (field) {
    case 'title':
      return form.title;
    case 'standfirst':
      return form.standfirst;
    case 'slug':
      return form.slug;
    case 'body':
      return bodyToPlainText(side.body);
    case 'visibility':
      return form.visibility;
    case 'feature_image':
      return form.featureImage === null
        ? 'No feature image'
        : [
            `Image ${form.featureImage.mediaId}`,
            `Alt: ${form.featureImage.alt}`,
            `Caption: ${form.featureImage.caption}`,
            `Credit: ${form.featureImage.credit}`,
          ].join('\n');
    case 'seo_title':
      return form.seoTitle;
    case 'seo_description':
      return form.seoDescription;
    case 'tags':
      return form.tags.join(', ');
    case 'authors':
      return form.authors.map((a) => a.name).join(', ');
  }
}

/**
 * Both people changed the same fields: each clashing field side by side, the words that
 * differ marked, with a choice per field. Everything else is merged without asking.
 */
export function FieldConflictDialog(props: {
  readonly fields: readonly ClashField[];
  readonly who: string;
  readonly mine: Side;
  readonly theirs: Side;
  readonly onResolve: (choices: Partial<Record<ClashField, 'mine' | 'theirs'>>) => void;
  readonly onClose: () => void;
}) {
  const [choices, setChoices] = useState<Partial<Record<ClashField, 'mine' | 'theirs'>>>(() =>
    Object.fromEntries(props.fields.map((f) => [f, 'mine'])),
  );
  return (
    <Dialog title="Choose which version of each field to keep" onClose={props.onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onResolve(choices);
        }}
      >
        <p>
          {props.who} changed {props.fields.length === 1 ? 'this field' : 'these fields'} while you
          were editing. Your other changes, and theirs to other fields, are kept. Marked words show
          how your version differs from theirs.
        </p>
        {props.fields.map((field) => {
          const theirs = fieldText(props.theirs, field);
          const mine = fieldText(props.mine, field);
          const name = `clash-${field}`;
          return (
            <fieldset class="field-clash" key={field}>
              <legend>{clashLabels[field]}</legend>
              <div class="field-clash-columns">
                <section aria-label={`${clashLabels[field]}: their version`}>
                  <h3>Theirs ({props.who})</h3>
                  <p class="field-clash-value">
                    <WordDiff before={theirs} after={mine} show="before" />
                  </p>
                </section>
                <section aria-label={`${clashLabels[field]}: your version`}>
                  <h3>Yours</h3>
                  <p class="field-clash-value">
                    <WordDiff before={theirs} after={mine} show="after" />
                  </p>
                </section>
              </div>
              <div class="field-clash-choice">
                {(['mine', 'theirs'] as const).map((side) => (
                  <label key={side}>
                    <input
                      type="radio"
                      name={name}
                      value={side}
                      checked={choices[field] === side}
                      onChange={() => setChoices({ ...choices, [field]: side })}
                    />{' '}
                    {side === 'mine' ? 'Keep mine' : 'Take theirs'}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <div class="actions">
          <button type="submit" class="button-primary">
            Save with these choices
          </button>
          <button type="button" onClick={props.onClose}>
            Not now
          </button>
        </div>
      </form>
    </Dialog>
  );
}
