import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { startFakeSpeechApi, type FakeSpeechApi } from '../../../test/support/fake-speech-api.js';
import { chooseSpeechEngine } from './choose-speech-engine.js';
import { mp3DurationMs } from './mp3-frames.js';
import { SpeechRejected, SpeechUnavailable, type TtsProvider } from './speech-engine.js';

const key = 'sk-test-key-123';
let api: FakeSpeechApi;
let delays: number[] = [];

beforeAll(async () => {
  api = await startFakeSpeechApi(key);
});
afterAll(() => api.close());

function engineFor(provider: TtsProvider, env: Record<string, string> = {}) {
  delays = [];
  const config = loadConfig({
    MASTHEAD_TTS_PROVIDER: provider,
    MASTHEAD_TTS_API_KEY: key,
    MASTHEAD_TTS_BASE_URL: api.url,
    ...env,
  });
  const engine = chooseSpeechEngine(config.tts, {
    backoffMs: 500,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  });
  if (engine === null) throw new Error(`${provider} gave no engine`);
  return engine;
}

async function lastRequestAfter(run: () => Promise<Buffer>) {
  const before = api.requests.length;
  const audio = await run();
  expect(mp3DurationMs(audio)).toBeGreaterThan(400);
  const request = api.requests.at(-1);
  expect(api.requests.length).toBe(before + 1);
  if (request === undefined) throw new Error('no request');
  return request;
}

describe('cloud speech providers, against local servers speaking their documented APIs', () => {
  it('OpenAI: POST /v1/audio/speech, bearer key, model/input/voice/mp3 in JSON', async () => {
    const engine = engineFor('openai', { MASTHEAD_TTS_MODEL: 'tts-1-hd' });
    const request = await lastRequestAfter(() => engine.synthesize('Hello, Kyiv.', 'nova'));
    expect(request.url).toBe('/v1/audio/speech');
    expect(request.headers.authorization).toBe(`Bearer ${key}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      model: 'tts-1-hd',
      input: 'Hello, Kyiv.',
      voice: 'nova',
      response_format: 'mp3',
    });
    expect(engine.defaultVoice).toBe('alloy');
  });

  it('ElevenLabs: POST /v1/text-to-speech/{voice}, xi-api-key, text and model_id', async () => {
    const engine = engineFor('elevenlabs', { MASTHEAD_TTS_VOICE: 'voice-abc' });
    const request = await lastRequestAfter(() =>
      engine.synthesize('Hello, Kyiv.', engine.defaultVoice),
    );
    expect(request.url).toBe('/v1/text-to-speech/voice-abc?output_format=mp3_44100_128');
    expect(request.headers['xi-api-key']).toBe(key);
    expect(request.headers.authorization).toBeUndefined();
    expect(JSON.parse(request.body)).toEqual({
      text: 'Hello, Kyiv.',
      model_id: 'eleven_multilingual_v2',
    });
  });

  it('Google: POST /v1/text:synthesize, X-Goog-Api-Key, base64 audioContent decoded', async () => {
    const engine = engineFor('google');
    const request = await lastRequestAfter(() =>
      engine.synthesize('Hello, Kyiv.', 'en-GB-Neural2-A'),
    );
    expect(request.url).toBe('/v1/text:synthesize');
    expect(request.headers['x-goog-api-key']).toBe(key);
    expect(JSON.parse(request.body)).toEqual({
      input: { text: 'Hello, Kyiv.' },
      voice: { languageCode: 'en-GB', name: 'en-GB-Neural2-A' },
      audioConfig: { audioEncoding: 'MP3' },
    });
  });

  it('Azure: POST /cognitiveservices/v1, subscription key, SSML with the voice, MP3 format', async () => {
    const engine = engineFor('azure');
    const request = await lastRequestAfter(() =>
      engine.synthesize('Tom & Jerry <say> "hi"', 'en-GB-SoniaNeural'),
    );
    expect(request.url).toBe('/cognitiveservices/v1');
    expect(request.headers['ocp-apim-subscription-key']).toBe(key);
    expect(request.headers['content-type']).toBe('application/ssml+xml');
    expect(request.headers['x-microsoft-outputformat']).toBe('audio-24khz-48kbitrate-mono-mp3');
    const ssml = new XMLParser({ ignoreAttributes: false }).parse(request.body) as {
      speak: { '@_xml:lang': string; voice: { '@_name': string; '#text': string } };
    };
    expect(ssml.speak['@_xml:lang']).toBe('en-GB');
    expect(ssml.speak.voice['@_name']).toBe('en-GB-SoniaNeural');
    expect(ssml.speak.voice['#text']).toBe('Tom & Jerry <say> "hi"');
    expect(request.body).toContain('Tom &amp; Jerry &lt;say&gt;');
  });

  it.each(['openai', 'elevenlabs', 'google', 'azure'] as const)(
    '%s: 429 and 5xx answers are tried again after growing waits',
    async (provider) => {
      const engine = engineFor(provider);
      const before = api.requests.length;
      api.respondWith(500, 503);
      const audio = await engine.synthesize('Retry me.', engine.defaultVoice);
      expect(mp3DurationMs(audio)).toBeGreaterThan(0);
      expect(api.requests.length - before).toBe(3);
      expect(delays).toEqual([500, 1000]);
      // Retry-After (1 s) is honoured for 429.
      api.respondWith(429);
      delays = [];
      await engine.synthesize('Retry me.', engine.defaultVoice);
      expect(delays).toEqual([1000]);
    },
  );

  it('gives up after the last attempt, saying the narration will be tried later', async () => {
    const engine = engineFor('openai');
    api.respondWith(502, 502, 502, 502);
    const failure = engine.synthesize('Fail.', 'alloy');
    await expect(failure).rejects.toBeInstanceOf(SpeechUnavailable);
    await expect(failure).rejects.toThrow(/OpenAI did not answer after 4 attempts \(HTTP 502/);
  });

  it('other 4xx answers fail at once with the provider message and a hint', async () => {
    const engine = engineFor('openai', { MASTHEAD_TTS_API_KEY: 'wrong-key' });
    const before = api.requests.length;
    const failure = engine.synthesize('Hello.', 'alloy');
    await expect(failure).rejects.toBeInstanceOf(SpeechRejected);
    await expect(failure).rejects.toThrow(
      'OpenAI refused the narration with HTTP 401: Incorrect API key provided. (check MASTHEAD_TTS_API_KEY).',
    );
    expect(api.requests.length - before).toBe(1);
    expect(delays).toEqual([]);
    api.respondWith(400);
    await expect(engineFor('google').synthesize('x', 'en-US-Neural2-D')).rejects.toThrow(
      /HTTP 400: Simulated answer 400 \(check the voice and model names/,
    );
  });

  it('a cloud provider without an API key is refused at start', () => {
    expect(() => loadConfig({ MASTHEAD_TTS_PROVIDER: 'openai' })).toThrow(
      'MASTHEAD_TTS_API_KEY must be the openai API key',
    );
    expect(() => loadConfig({ MASTHEAD_TTS_PROVIDER: 'polly' })).toThrow(
      'MASTHEAD_TTS_PROVIDER must be one of flite, openai, elevenlabs, google, azure, off',
    );
  });
});
