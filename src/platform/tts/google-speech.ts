import { trimBase, type CloudSpeechOptions } from './cloud-speech-options.js';
import { SpeechRejected, engineNames, type SpeechEngine } from './speech-engine.js';
import { postSpeechRequest } from './tts-http.js';

/** `en-GB-Neural2-A` → `en-GB`: Google wants the language beside the voice name. */
export function languageOfGoogleVoice(voice: string): string {
  const match = /^([a-z]{2,3}-[A-Z]{2})-/.exec(voice);
  return match?.[1] ?? 'en-US';
}

/**
 * Google Cloud Text-to-Speech: `POST /v1/text:synthesize` with the API key in
 * `X-Goog-Api-Key` and JSON `{ input: { text }, voice: { languageCode, name },
 * audioConfig: { audioEncoding: "MP3" } }`; the answer is JSON with the MP3 in base64
 * (`audioContent`). A request carries at most 5,000 bytes of text.
 */
export function createGoogleSpeech(options: CloudSpeechOptions): SpeechEngine {
  const url = `${trimBase(options.baseUrl ?? 'https://texttospeech.googleapis.com')}/v1/text:synthesize`;
  return {
    provider: 'google',
    engineName: engineNames.google,
    defaultVoice: options.voice ?? 'en-US-Neural2-D',
    // Bytes, not characters: leave room for letters outside ASCII.
    maxChars: 2_400,
    async synthesize(text, voice) {
      const { bytes } = await postSpeechRequest(
        'google',
        'Google Cloud Text-to-Speech',
        {
          url,
          headers: { 'x-goog-api-key': options.apiKey, 'content-type': 'application/json' },
          body: JSON.stringify({
            input: { text },
            voice: { languageCode: languageOfGoogleVoice(voice), name: voice },
            audioConfig: { audioEncoding: 'MP3' },
          }),
        },
        options.http,
      );
      let audio: unknown;
      try {
        audio = (JSON.parse(bytes.toString('utf8')) as { audioContent?: unknown }).audioContent;
      } catch {
        audio = undefined;
      }
      if (typeof audio !== 'string' || audio === '') {
        throw new SpeechRejected(
          'google',
          200,
          'Google Cloud Text-to-Speech answered without audioContent; check MASTHEAD_TTS_BASE_URL.',
        );
      }
      return Buffer.from(audio, 'base64');
    },
    close: () => Promise.resolve(),
  };
}
