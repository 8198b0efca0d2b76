import { useEffect, useRef } from 'preact/hooks';
import './together.css';

/** About as many characters as search results show of a title before cutting it. */
export const searchTitleLength = 60;

/**
 * The headline: a textarea that grows with its text (one line, never a newline), with a
 * count against the length search results show.
 */
export function HeadlineField(props: {
  readonly value: string;
  readonly error: string | null;
  readonly autoFocus: boolean;
  readonly onValue: (value: string) => void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const grow = () => {
    const area = ref.current;
    if (area === null) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight}px`;
  };
  useEffect(grow, [props.value]);
  useEffect(() => {
    if (props.autoFocus) ref.current?.focus();
  }, []);
  const count = props.value.length;
  const over = count > searchTitleLength;
  const describedBy = ['headline-count', props.error ? 'headline-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for="headline">Headline</label>
      <textarea
        id="headline"
        ref={ref}
        class="headline-input headline-area"
        rows={1}
        maxLength={300}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(event) => {
          // A headline is one line: a pasted newline becomes a space.
          props.onValue(event.currentTarget.value.replace(/\s*\n\s*/g, ' '));
          grow();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p id="headline-count" class={over ? 'char-count is-over' : 'char-count'}>
        {count} of about {searchTitleLength} characters search results show
        {over ? ': search results will cut it; consider a shorter SEO title.' : '.'}
      </p>
      {props.error && (
        <p class="field-error" id="headline-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
