import { trimBase, type CloudSpeechOptions } from './cloud-speech-options.js';
import { engineNames, type SpeechEngine } from './speech-engine.js';
import { postSpeechRequest } from './tts-http.js';

/**
 * OpenAI: `POST /v1/audio/speech` with `Authorization: Bearer {key}` and JSON
 * `{ model, input, voice, response_format: "mp3" }`; the answer is the MP3 itself.
 * The input may be at most 4,096 characters.
 */
export function createOpenAiSpeech(options: CloudSpeechOptions): SpeechEngine {
  const url = `${trimBase(options.baseUrl ?? 'https://api.openai.com')}/v1/audio/speech`;
  const model = options.model ?? 'gpt-4o-mini-tts';
  return {
    provider: 'openai',
    engineName: engineNames.openai,
    defaultVoice: options.voice ?? 'alloy',
    maxChars: 4_000,
    async synthesize(text, voice) {
      const { bytes } = await postSpeechRequest(
        'openai',
        'OpenAI',
        {
          url,
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            'content-type': 'application/json',
            accept: 'audio/mpeg',
          },
          body: JSON.stringify({ model, input: text, voice, response_format: 'mp3' }),
        },
        options.http,
      );
      return bytes;
    },
    close: () => Promise.resolve(),
  };
}
