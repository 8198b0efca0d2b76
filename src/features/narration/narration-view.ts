import { engineNameOf } from '../../platform/tts/speech-engine.js';
import type { NarrationRow, NarrationStatus } from './narration.table.js';

/** A narration as staff see it in the CMS and the Admin API. */
export interface NarrationView {
  readonly postId: string;
  readonly enabled: boolean;
  readonly status: NarrationStatus;
  readonly lastError: string | null;
  readonly failedAttempts: number;
  readonly requestedAt: string | null;
  readonly dueAt: string | null;
  readonly generations: number;
  readonly audio: {
    readonly url: string;
    readonly durationMs: number;
    readonly bytes: number;
    readonly provider: string;
    readonly engineName: string;
    readonly voice: string;
    readonly scriptHash: string;
    readonly scriptWords: number;
    readonly synthesisMs: number;
    readonly readyAt: string;
    readonly preview: {
      readonly url: string;
      readonly durationMs: number;
      readonly bytes: number;
    } | null;
  } | null;
}

/** Where readers fetch a post's audio file. */
export function audioPath(postId: string, key: string): string {
  return `/audio/${encodeURIComponent(postId)}/${encodeURIComponent(key.slice(key.lastIndexOf('/') + 1))}`;
}

export function toNarrationView(row: NarrationRow): NarrationView {
  return {
    postId: row.post_id,
    enabled: row.enabled === 1,
    status: row.status,
    lastError: row.last_error,
    failedAttempts: row.failed_attempts,
    requestedAt: row.requested_at,
    dueAt: row.due_at,
    generations: row.generations,
    audio:
      row.audio_key === null || row.ready_at === null
        ? null
        : {
            url: audioPath(row.post_id, row.audio_key),
            durationMs: row.duration_ms ?? 0,
            bytes: row.bytes ?? 0,
            provider: row.provider ?? '',
            engineName: engineNameOf(row.provider ?? ''),
            voice: row.voice ?? '',
            scriptHash: row.script_hash ?? '',
            scriptWords: row.script_words ?? 0,
            synthesisMs: row.synthesis_ms ?? 0,
            readyAt: row.ready_at,
            preview:
              row.preview_key === null
                ? null
                : {
                    url: audioPath(row.post_id, row.preview_key),
                    durationMs: row.preview_duration_ms ?? 0,
                    bytes: row.preview_bytes ?? 0,
                  },
          },
  };
}
