import { createHash } from 'node:crypto';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { joinMp3 } from '../../platform/tts/mp3-frames.js';
import type { SpeechEngine } from '../../platform/tts/speech-engine.js';
import { splitScript } from './narration-script.js';

/** Stored audio: where, how long, how big. */
export interface StoredAudio {
  readonly key: string;
  readonly durationMs: number;
  readonly bytes: number;
}

/**
 * Keys under this prefix hold the whole audio of gated articles: never served from the
 * public files path, only by the audio route after the reader-access check.
 */
export const gatedAudioPrefix = 'private/narration/';

/** The file name readers see: the content's hash, so a new narration gets a new URL. */
export function audioFileName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * Speaks the script part by part (each within the engine's limit, one at a time so a
 * provider is never flooded), joins the parts, and stores the MP3 under a name made of
 * its content's hash.
 */
export async function speakAndStore(
  deps: { readonly engine: SpeechEngine; readonly storage: FileStorage },
  input: {
    readonly postId: string;
    readonly paragraphs: readonly string[];
    readonly voice: string;
    readonly gated: boolean;
    /** Part of the hashed content, so a preview never shares a name with the whole. */
    readonly variant: 'whole' | 'preview';
  },
): Promise<StoredAudio> {
  const parts: Buffer[] = [];
  for (const text of splitScript(input.paragraphs, deps.engine.maxChars)) {
    parts.push(await deps.engine.synthesize(text, input.voice));
  }
  const audio = joinMp3(parts);
  if (audio.bytes.length === 0) throw new Error('The engine returned no playable MP3 audio.');
  const hash = createHash('sha256')
    .update(`${input.variant}\n`)
    .update(audio.bytes)
    .digest('hex')
    .slice(0, 24);
  const key = `${input.gated ? gatedAudioPrefix : 'narration/'}${input.postId}/${hash}.mp3`;
  await deps.storage.put(key, audio.bytes, 'audio/mpeg');
  return { key, durationMs: audio.durationMs, bytes: audio.bytes.length };
}
