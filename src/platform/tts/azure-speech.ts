import { create } from 'xmlbuilder2';
import { trimBase, type CloudSpeechOptions } from './cloud-speech-options.js';
import { engineNames, type SpeechEngine } from './speech-engine.js';
import { postSpeechRequest } from './tts-http.js';

/** `en-GB-SoniaNeural` → `en-GB`, for the SSML `xml:lang`. */
function languageOfAzureVoice(voice: string): string {
  return /^([a-z]{2,3}-[A-Z]{2})-/.exec(voice)?.[1] ?? 'en-US';
}

/** The SSML document Azure speaks, built (and escaped) by an XML library. */
export function toAzureSsml(text: string, voice: string): string {
  const lang = languageOfAzureVoice(voice);
  return create({ version: '1.0' })
    .ele('speak', {
      version: '1.0',
      xmlns: 'http://www.w3.org/2001/10/synthesis',
      'xml:lang': lang,
    })
    .ele('voice', { 'xml:lang': lang, name: voice })
    .txt(text)
    .end({ headless: true });
}

/**
 * Azure AI Speech: `POST {region endpoint}/cognitiveservices/v1` with the key in
 * `Ocp-Apim-Subscription-Key`, an SSML body (`application/ssml+xml`) and the format in
 * `X-Microsoft-OutputFormat`; the answer is the MP3 itself. The base URL is the region's
 * endpoint, e.g. `https://westeurope.tts.speech.microsoft.com`.
 */
export function createAzureSpeech(options: CloudSpeechOptions): SpeechEngine {
  const url = `${trimBase(options.baseUrl ?? 'https://eastus.tts.speech.microsoft.com')}/cognitiveservices/v1`;
  return {
    provider: 'azure',
    engineName: engineNames.azure,
    defaultVoice: options.voice ?? 'en-US-AvaMultilingualNeural',
    maxChars: 3_000,
    async synthesize(text, voice) {
      const { bytes } = await postSpeechRequest(
        'azure',
        'Azure AI Speech',
        {
          url,
          headers: {
            'ocp-apim-subscription-key': options.apiKey,
            'content-type': 'application/ssml+xml',
            'x-microsoft-outputformat': 'audio-24khz-48kbitrate-mono-mp3',
            'user-agent': 'masthead',
          },
          body: toAzureSsml(text, voice),
        },
        options.http,
      );
      return bytes;
    },
    close: () => Promise.resolve(),
  };
}
