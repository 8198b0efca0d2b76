/**
 * A text-to-speech engine. One adapter per provider (`flite-speech.ts`, the embedded
 * default; `openai-speech.ts`, `elevenlabs-speech.ts`, `google-speech.ts`,
 * `azure-speech.ts`), chosen at start by `choose-speech-engine.ts`.
 *
 * Every adapter answers with MP3, so parts of one narration are joined by placing their
 * frames one after another (see `mp3-frames.ts`).
 */
export interface SpeechEngine {
  /** `flite`, `openai`, `elevenlabs`, `google` or `azure`: recorded with each narration. */
  readonly provider: TtsProvider;
  /** How readers are told who made the voice, e.g. "OpenAI text-to-speech". */
  readonly engineName: string;
  /** The voice used when a section names none. */
  readonly defaultVoice: string;
  /** Longest text one `synthesize` call accepts; callers split longer scripts. */
  readonly maxChars: number;
  /** Speaks `text` in `voice`; resolves to MP3 bytes. */
  synthesize(text: string, voice: string): Promise<Buffer>;
  close(): Promise<void>;
}

export const ttsProviders = ['flite', 'openai', 'elevenlabs', 'google', 'azure'] as const;
export type TtsProvider = (typeof ttsProviders)[number];

/**
 * The provider refused the request for a reason a retry will not fix (a bad key, an
 * unknown voice, text it will not speak). Its message says what to change.
 */
export class SpeechRejected extends Error {
  override readonly name = 'SpeechRejected';
  constructor(
    readonly provider: TtsProvider,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The provider is busy or failing (429, 5xx, no answer): worth trying again later. */
export class SpeechUnavailable extends Error {
  override readonly name = 'SpeechUnavailable';
  constructor(
    readonly provider: TtsProvider,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How each engine is named to readers in the disclosure label. */
export const engineNames: Readonly<Record<TtsProvider, string>> = {
  flite: 'Flite, a speech synthesiser running on this site',
  openai: 'OpenAI text-to-speech',
  elevenlabs: 'ElevenLabs',
  google: 'Google Cloud Text-to-Speech',
  azure: 'Azure AI Speech',
};

export function engineNameOf(provider: string): string {
  return (engineNames as Readonly<Record<string, string>>)[provider] ?? provider;
}
