import { useId, useState } from 'preact/hooks';
import type { AuthorRef, StaffUser } from '../api/resources.js';

/** The byline: staff credited on the post, in order. */
export function AuthorsPicker(props: {
  readonly authors: readonly AuthorRef[];
  readonly staff: readonly StaffUser[];
  readonly error: string | null;
  readonly onChange: (authors: AuthorRef[]) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const available = props.staff.filter((s) => !props.authors.some((a) => a.id === s.id));
  return (
    <fieldset class={props.error ? 'picker has-error' : 'picker'}>
      <legend>Authors</legend>
      {props.error && (
        <p class="field-error" role="alert">
          {props.error}
        </p>
      )}
      {props.authors.length === 0 ? (
        <p class="empty">No author yet.</p>
      ) : (
        <ol class="chosen-list">
          {props.authors.map((author) => (
            <li key={author.id}>
              <span>{author.name}</span>
              <button
                type="button"
                class="button-small"
                onClick={() => props.onChange(props.authors.filter((a) => a.id !== author.id))}
              >
                Remove {author.name}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div class="inline-form">
        <label for={id}>Add an author</label>
        <select id={id} value={choice} onChange={(event) => setChoice(event.currentTarget.value)}>
          <option value="">Choose…</option>
          {available.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="button-small"
          onClick={() => {
            const found = props.staff.find((s) => s.id === choice);
            if (found === undefined) return;
            props.onChange([
              ...props.authors,
              { id: found.id, slug: found.slug, name: found.name },
            ]);
            setChoice('');
          }}
        >
          Add author
        </button>
      </div>
    </fieldset>
  );
}
