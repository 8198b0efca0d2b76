import type { NarrationResource, PostStatus } from '../api/resources.js';
import { decideNarrationState } from './narration-state.js';

/**
 * A post's narration in words (never colour alone): the state, what it means or the
 * failure's message, and a link to the audio when there is some.
 */
export function NarrationStatus(props: {
  readonly narration: NarrationResource | undefined;
  readonly postStatus: PostStatus;
  /** Names the article in the link, where a table holds many. */
  readonly title?: string;
  /** In a table: the detail only when something is pending or failed. */
  readonly compact?: boolean;
}) {
  const state = decideNarrationState(props.narration, props.postStatus);
  const audio = props.narration?.audio ?? null;
  return (
    <div class="narration-status" data-narration-state={state.kind}>
      <span class={`status status-narration-${state.kind}`}>{state.label}</span>
      {state.detail !== null &&
        (props.compact !== true || state.kind === 'pending' || state.kind === 'failed') && (
          <span class={state.kind === 'failed' ? 'field-error' : 'field-hint'}>{state.detail}</span>
        )}
      {audio !== null && state.kind !== 'off' && (
        <a href={audio.url} target="_blank" rel="noopener">
          Listen
          {props.title !== undefined && <span class="visually-hidden"> to “{props.title}”</span>}
          <span class="visually-hidden"> (MP3, opens in a new tab)</span>
        </a>
      )}
    </div>
  );
}
