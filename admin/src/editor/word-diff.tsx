import { diffWords } from 'diff';
import './together.css';

/**
 * Two texts with the words that differ marked, each also named for screen readers.
 * `show: 'both'` gives one text with removed words struck through and added ones
 * underlined; `'before'` or `'after'` gives one side only, marking the words the other
 * side does not have (for two columns side by side).
 */
export function WordDiff(props: {
  readonly before: string;
  readonly after: string;
  readonly show?: 'both' | 'before' | 'after';
}) {
  const show = props.show ?? 'both';
  if (props.before === props.after) return <span class="diff-same">{props.after || '—'}</span>;
  return (
    <span class="word-diff">
      {diffWords(props.before, props.after).map((part, i) => {
        if (part.added) {
          if (show === 'before') return null;
          return (
            <ins key={i}>
              <span class="visually-hidden">
                {show === 'both' ? '[added: ' : '[not in the other version: '}
              </span>
              {part.value}
              <span class="visually-hidden">]</span>
            </ins>
          );
        }
        if (part.removed) {
          if (show === 'after') return null;
          return (
            <del key={i}>
              <span class="visually-hidden">
                {show === 'both' ? '[removed: ' : '[not in the other version: '}
              </span>
              {part.value}
              <span class="visually-hidden">]</span>
            </del>
          );
        }
        return <span key={i}>{part.value}</span>;
      })}
    </span>
  );
}
