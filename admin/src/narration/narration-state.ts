import type { NarrationResource, PostStatus } from '../api/resources.js';

/** What staff are told of a post's narration: one of four states, in words. */
export interface NarrationState {
  readonly kind: 'ready' | 'pending' | 'failed' | 'off' | 'none';
  /** Short, for a table cell: "Audio ready", "Pending", "Failed", "Off", "Not narrated". */
  readonly label: string;
  /** What it means or what went wrong; null when the label says it all. */
  readonly detail: string | null;
}

function minutes(ms: number): string {
  return `${(ms / 60_000).toFixed(1)} min`;
}

/**
 * Decides what the CMS says of a post's narration. "Pending" covers the quiet spell after
 * edits, the narration being made and the retries after a passing failure; a failure that
 * will not be retried shows the provider's message.
 */
export function decideNarrationState(
  narration: NarrationResource | undefined,
  postStatus: PostStatus,
): NarrationState {
  if (narration?.enabled === false) {
    return { kind: 'off', label: 'Off', detail: 'Narration is turned off for this article.' };
  }
  const keeps = narration?.audio
    ? ' Readers hear the previous audio until the new one is ready.'
    : '';
  switch (narration?.status ?? 'none') {
    case 'none':
    case 'off':
      return postStatus === 'published'
        ? { kind: 'none', label: 'Not narrated', detail: 'No audio has been asked for yet.' }
        : { kind: 'none', label: 'Not narrated', detail: 'Narrated once published.' };
    case 'queued':
      return {
        kind: 'pending',
        label: 'Pending',
        detail: `Waiting for edits to settle.${keeps}`,
      };
    case 'generating':
      return { kind: 'pending', label: 'Pending', detail: `Being narrated now.${keeps}` };
    case 'retrying':
      return {
        kind: 'pending',
        label: 'Pending',
        detail: `Will try again: ${narration?.last_error ?? 'the engine did not answer.'}`,
      };
    case 'failed':
      return {
        kind: 'failed',
        label: 'Failed',
        detail: narration?.last_error ?? 'The narration failed.',
      };
    case 'ready': {
      const audio = narration?.audio;
      return {
        kind: 'ready',
        label: 'Audio ready',
        detail:
          audio == null
            ? null
            : `${minutes(audio.duration_ms)} · ${audio.engine_name}, voice ${audio.voice}`,
      };
    }
  }
}
