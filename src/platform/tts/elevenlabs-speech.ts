import { trimBase, type CloudSpeechOptions } from './cloud-speech-options.js';
import { engineNames, type SpeechEngine } from './speech-engine.js';
import { postSpeechRequest } from './tts-http.js';

/**
 * ElevenLabs: `POST /v1/text-to-speech/{voice_id}?output_format=mp3_44100_128` with the
 * key in `xi-api-key` and JSON `{ text, model_id }`; the answer is the MP3 itself.
 * Multilingual v2 takes up to 10,000 characters a request; parts stay well under that.
 */
export function createElevenLabsSpeech(options: CloudSpeechOptions): SpeechEngine {
  const base = trimBase(options.baseUrl ?? 'https://api.elevenlabs.io');
  const model = options.model ?? 'eleven_multilingual_v2';
  return {
    provider: 'elevenlabs',
    engineName: engineNames.elevenlabs,
    // "Rachel", ElevenLabs' long-standing default voice.
    defaultVoice: options.voice ?? '21m00Tcm4TlvDq8ikWAM',
    maxChars: 5_000,
    async synthesize(text, voice) {
      const { bytes } = await postSpeechRequest(
        'elevenlabs',
        'ElevenLabs',
        {
          url: `${base}/v1/text-to-speech/${encodeURIComponent(voice)}?output_format=mp3_44100_128`,
          headers: {
            'xi-api-key': options.apiKey,
            'content-type': 'application/json',
            accept: 'audio/mpeg',
          },
          body: JSON.stringify({ text, model_id: model }),
        },
        options.http,
      );
      return bytes;
    },
    close: () => Promise.resolve(),
  };
}
