import type { Generated, Selectable } from 'kysely';

/** The latest request's state; the audio columns keep the last ready narration. */
export type NarrationStatus =
  'none' | 'queued' | 'generating' | 'ready' | 'retrying' | 'failed' | 'off';

export interface NarrationTable {
  post_id: string;
  enabled: Generated<number>;
  status: Generated<NarrationStatus>;
  request_seq: Generated<number>;
  requested_at: string | null;
  due_at: string | null;
  last_error: string | null;
  failed_attempts: Generated<number>;
  audio_key: string | null;
  duration_ms: number | null;
  bytes: number | null;
  preview_key: string | null;
  preview_duration_ms: number | null;
  preview_bytes: number | null;
  provider: string | null;
  voice: string | null;
  script_hash: string | null;
  script_words: number | null;
  synthesis_ms: number | null;
  generations: Generated<number>;
  ready_at: string | null;
  updated_at: string;
}

export interface NarrationLexiconTable {
  id: string;
  term: string;
  /** The term in lower case: one entry per term, whatever its letter case. */
  term_key: string;
  say: string;
  created_at: string;
  updated_at: string;
}

export interface NarrationSectionVoiceTable {
  tag_id: string;
  voice: string;
  updated_at: string;
}

export type NarrationRow = Selectable<NarrationTable>;
export type NarrationLexiconRow = Selectable<NarrationLexiconTable>;
