import { useId } from 'preact/hooks';

/**
 * A labelled checkbox, like the text fields in `fields.tsx`: the label wraps the box, and a
 * hint and an error are tied to it with `aria-describedby`; an error sets `aria-invalid`.
 */
export function CheckboxField(props: {
  readonly label: string;
  readonly checked: boolean;
  readonly onValue: (checked: boolean) => void;
  readonly hint?: string;
  readonly error?: string | null;
}) {
  const id = useId();
  const { hint, error } = props;
  const describedBy = [hint !== undefined ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label class="checkbox" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => props.onValue(event.currentTarget.checked)}
        />{' '}
        {props.label}
      </label>
      {hint !== undefined && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
