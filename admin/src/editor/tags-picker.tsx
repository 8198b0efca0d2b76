import { useId, useState } from 'preact/hooks';
import type { Tag } from '../api/resources.js';

/**
 * Tags in order; the first is the post's section. A tag can be moved to the front, and a
 * name that is not a tag yet becomes one when the post is saved (editors and above).
 */
export function TagsPicker(props: {
  readonly tags: readonly string[];
  readonly known: readonly Tag[];
  readonly onChange: (tags: string[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const add = () => {
    const name = text.trim();
    if (name === '') return;
    const known = props.known.find(
      (t) => t.name.toLowerCase() === name.toLowerCase() || t.slug === name,
    );
    const chosen = known?.name ?? name;
    if (!props.tags.some((t) => t.toLowerCase() === chosen.toLowerCase()))
      props.onChange([...props.tags, chosen]);
    setText('');
  };
  return (
    <fieldset class="picker">
      <legend>Section and tags</legend>
      <p class="field-hint">The first tag is the section readers see above the headline.</p>
      {props.tags.length > 0 && (
        <ol class="chosen-list">
          {props.tags.map((tag, index) => (
            <li key={tag}>
              <span>
                {tag}
                {index === 0 && <span class="badge">Section</span>}
              </span>
              {index > 0 && (
                <button
                  type="button"
                  class="button-small"
                  onClick={() => props.onChange([tag, ...props.tags.filter((t) => t !== tag)])}
                >
                  Make “{tag}” the section
                </button>
              )}
              <button
                type="button"
                class="button-small"
                onClick={() => props.onChange(props.tags.filter((t) => t !== tag))}
              >
                Remove “{tag}”
              </button>
            </li>
          ))}
        </ol>
      )}
      <div class="inline-form">
        <label for={id}>Add a tag</label>
        <input
          id={id}
          list={`${id}-known`}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-known`}>
          {props.known.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
        <button type="button" class="button-small" onClick={add}>
          Add tag
        </button>
      </div>
    </fieldset>
  );
}
