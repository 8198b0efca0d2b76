import type { TtsConfig } from '../../config/tts-config.js';
import { assertNever } from '../errors.js';
import { createAzureSpeech } from './azure-speech.js';
import type { CloudSpeechOptions } from './cloud-speech-options.js';
import { createElevenLabsSpeech } from './elevenlabs-speech.js';
import { createFliteSpeech } from './flite-speech.js';
import { createGoogleSpeech } from './google-speech.js';
import { createOpenAiSpeech } from './openai-speech.js';
import type { SpeechEngine } from './speech-engine.js';
import type { TtsHttpOptions } from './tts-http.js';

/**
 * The engine `MASTHEAD_TTS_PROVIDER` names; flite, on this machine, when unset; none when
 * it is `off`.
 */
export function chooseSpeechEngine(config: TtsConfig, http?: TtsHttpOptions): SpeechEngine | null {
  const cloud = (): CloudSpeechOptions => ({
    apiKey: config.apiKey ?? '',
    baseUrl: config.baseUrl,
    voice: config.voice,
    model: config.model,
    ...(http === undefined ? {} : { http }),
  });
  switch (config.provider) {
    case 'off':
      return null;
    case 'flite':
      return createFliteSpeech({
        voice: config.voice,
        background: config.priority === 'background',
      });
    case 'openai':
      return createOpenAiSpeech(cloud());
    case 'elevenlabs':
      return createElevenLabsSpeech(cloud());
    case 'google':
      return createGoogleSpeech(cloud());
    case 'azure':
      return createAzureSpeech(cloud());
    default:
      return assertNever(config.provider);
  }
}
