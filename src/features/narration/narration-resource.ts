import type { NarrationView } from './narration-view.js';

/** A narration in the Admin API's words (snake_case, like every other resource). */
export function toNarrationResource(view: NarrationView) {
  const audio = view.audio;
  return {
    post_id: view.postId,
    enabled: view.enabled,
    status: view.status,
    last_error: view.lastError,
    failed_attempts: view.failedAttempts,
    requested_at: view.requestedAt,
    due_at: view.dueAt,
    generations: view.generations,
    audio:
      audio === null
        ? null
        : {
            url: audio.url,
            duration_ms: audio.durationMs,
            bytes: audio.bytes,
            provider: audio.provider,
            engine_name: audio.engineName,
            voice: audio.voice,
            script_hash: audio.scriptHash,
            script_words: audio.scriptWords,
            synthesis_ms: audio.synthesisMs,
            ready_at: audio.readyAt,
            preview:
              audio.preview === null
                ? null
                : {
                    url: audio.preview.url,
                    duration_ms: audio.preview.durationMs,
                    bytes: audio.preview.bytes,
                  },
          },
  };
}

/** The Admin API's narration, as the CMS reads it. */
export type NarrationResource = ReturnType<typeof toNarrationResource>;
