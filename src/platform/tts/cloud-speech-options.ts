import type { TtsHttpOptions } from './tts-http.js';

/** What every cloud adapter is given: the key, where the API is, and what to ask for. */
export interface CloudSpeechOptions {
  readonly apiKey: string;
  /** The API's base URL without a trailing slash; the provider's public API when null. */
  readonly baseUrl: string | null;
  /** The default voice; the provider's documented default when null. */
  readonly voice: string | null;
  /** The model, for providers that take one; their recommended one when null. */
  readonly model: string | null;
  readonly http?: TtsHttpOptions;
}

export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}
